package org.familyjourney.consent;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.familyjourney.casework.CaseAccess;
import org.familyjourney.casework.CaseRegister;
import org.familyjourney.casework.FamilyCase;
import org.familyjourney.journey.JourneyKind;
import org.familyjourney.journey.JourneyLog;
import org.familyjourney.referral.Referral;
import org.familyjourney.referral.ReferralRepository;
import org.familyjourney.security.StaffMember;
import org.familyjourney.web.FieldChecks;
import org.familyjourney.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The family's consents as records: recorded and withdrawn by staff (API and case page), copied from
 * the referral's consent when the case opens, and checked by every step that shares information.
 * Journey entries name the scope and who recorded it, never the parent (the journey is kept for ever).
 */
@Service
public class Consents {

    static final int MAX_NAME = 200;
    static final int MAX_REASON = 1000;
    static final int MIN_OVERRIDE_REASON = 10;

    /** Whether a sharing step may share, and on what basis. */
    public enum Coverage {
        GIVEN, OVERRIDDEN, WITHDRAWN, MISSING;

        public boolean allowsSharing() {
            return this == GIVEN || this == OVERRIDDEN;
        }
    }

    public record CaseConsents(String caseReference, List<ConsentRecord> consents, List<ConsentOverride> overrides) {
    }

    private final ConsentStore store;
    private final CaseRegister cases;
    private final CaseAccess access;
    private final ReferralRepository referrals;
    private final JourneyLog journey;
    private final Clock clock;

    Consents(ConsentStore store, CaseRegister cases, CaseAccess access, ReferralRepository referrals, JourneyLog journey,
             Clock clock) {
        this.store = store;
        this.cases = cases;
        this.access = access;
        this.referrals = referrals;
        this.journey = journey;
        this.clock = clock;
    }

    /** What the family agreed to and every override, for a person who may read the case (the view is logged). */
    @Transactional
    public CaseConsents view(String caseReference, StaffMember who) {
        FamilyCase familyCase = cases.find(caseReference);
        access.checkMayRead(familyCase, who);
        access.recordView(caseReference, who, "consents");
        return of(caseReference);
    }

    /** Without access checks: for the case page's card (already checked and logged) and the workers. */
    @Transactional
    public CaseConsents of(String caseReference) {
        fromReferral(caseReference);
        return new CaseConsents(caseReference, store.of(caseReference), store.overridesOf(caseReference));
    }

    @Transactional
    public ConsentRecord record(String caseReference, ConsentRequest request, StaffMember who) {
        access.checkMayRead(cases.find(caseReference), who);
        FieldChecks problems = new FieldChecks();
        if (request == null) {
            problems.add("body", "must be a consent: {scope, sharedWith, givenBy, givenAt}");
            problems.throwIfAny();
        }
        ConsentScope scope = problems.oneOf("scope", request.scope(), ConsentScope.class);
        String sharedWith = problems.text("sharedWith", request.sharedWith(), false, MAX_NAME);
        String givenBy = problems.text("givenBy", request.givenBy(), true, MAX_NAME);
        Instant givenAt = request.givenAt() == null || request.givenAt().isBlank() ? clock.instant()
                : problems.instant("givenAt", request.givenAt());
        if (givenAt != null && givenAt.isAfter(clock.instant().plusSeconds(60))) {
            problems.add("givenAt", "cannot be in the future");
        } else if (givenAt != null && givenAt.isBefore(Instant.parse("2000-01-01T00:00:00Z"))) {
            problems.add("givenAt", "is before the year 2000; check the year");
        }
        problems.throwIfAny();
        fromReferral(caseReference);
        long id = store.insert(caseReference, scope, sharedWith, givenBy, givenAt, "WORKER", who.username(), clock.instant(), null);
        journey.record(caseReference, JourneyKind.CONSENT_RECORDED, null, who.username(),
                "Consent to " + scope.label() + (sharedWith == null ? "" : " with " + sharedWith) + " recorded by " + who.username(),
                details(id, scope, sharedWith));
        return find(caseReference, id);
    }

    @Transactional
    public ConsentRecord withdraw(String caseReference, long id, ConsentRequest request, StaffMember who) {
        access.checkMayRead(cases.find(caseReference), who);
        FieldChecks problems = new FieldChecks();
        String withdrawnBy = request == null ? null : request.withdrawnBy();
        String by = problems.text("withdrawnBy", withdrawnBy, true, MAX_NAME);
        String reason = problems.text("reason", request == null ? null : request.reason(), false, MAX_REASON);
        problems.throwIfAny();
        ConsentRecord consent = find(caseReference, id);
        if (!consent.active()) {
            throw new org.familyjourney.web.ConflictException("This consent was already withdrawn on " + consent.withdrawnAt() + ".");
        }
        store.withdraw(id, caseReference, by, who.username(), reason, clock.instant());
        journey.record(caseReference, JourneyKind.CONSENT_WITHDRAWN, null, who.username(),
                "Consent to " + consent.scope().label() + (consent.sharedWith() == null ? "" : " with " + consent.sharedWith())
                        + " withdrawn (recorded by " + who.username() + ")", details(id, consent.scope(), consent.sharedWith()));
        return find(caseReference, id);
    }

    /** A manager or safeguarding lead shares without consent, as the law allows; the reason is required. */
    @Transactional
    public ConsentOverride override(String caseReference, ConsentRequest request, StaffMember who) {
        access.checkMayRead(cases.find(caseReference), who);
        FieldChecks problems = new FieldChecks();
        ConsentScope scope = problems.oneOf("scope", request == null ? null : request.scope(), ConsentScope.class);
        String sharedWith = problems.text("sharedWith", request == null ? null : request.sharedWith(), false, MAX_NAME);
        String reason = problems.text("reason", request == null ? null : request.reason(), true, 2000);
        if (reason != null && reason.length() < MIN_OVERRIDE_REASON) {
            problems.add("reason", "must say why sharing without consent is lawful (at least " + MIN_OVERRIDE_REASON + " characters)");
        }
        problems.throwIfAny();
        long id = overrideOnce(caseReference, scope, sharedWith, reason, who.username(), null, null);
        return store.overridesOf(caseReference).stream().filter(o -> o.id() == id).findFirst().orElseThrow();
    }

    /** Whether sharing of the scope with the organisation (null = the scope in general) may go ahead. */
    @Transactional
    public Coverage coverage(String caseReference, ConsentScope scope, String organisation) {
        CaseConsents all = of(caseReference);
        if (all.consents().stream().anyMatch(c -> c.covers(scope, organisation))) {
            return Coverage.GIVEN;
        }
        if (all.overrides().stream().anyMatch(o -> o.covers(scope, organisation))) {
            return Coverage.OVERRIDDEN;
        }
        boolean withdrawn = all.consents().stream().anyMatch(c -> !c.active() && c.scope() == scope);
        return withdrawn ? Coverage.WITHDRAWN : Coverage.MISSING;
    }

    /** Consent a job recorded (the consent-to-share form): the job writes its own journey entry. */
    @Transactional
    public void recordFromJob(String caseReference, ConsentScope scope, String sharedWith, String givenBy, Instant givenAt,
                              String recordedBy) {
        store.insert(caseReference, scope, sharedWith, givenBy == null || givenBy.isBlank() ? "the family" : givenBy,
                givenAt == null ? clock.instant() : givenAt, "WORKER", recordedBy == null ? JourneyLog.SYSTEM : recordedBy,
                clock.instant(), null);
    }

    /** An override a job records and logs itself (the consent-to-share form); once per job. */
    @Transactional
    public void overrideFromJob(String caseReference, ConsentScope scope, String sharedWith, String reason, String by,
                                String jobRef) {
        store.insertOverride(caseReference, scope, sharedWith, reason, by, clock.instant(), jobRef);
    }

    /** An override a job records (e.g. a step-up on safeguarding grounds); once per job however often it arrives. */
    @Transactional
    public long overrideOnce(String caseReference, ConsentScope scope, String sharedWith, String reason, String by,
                             String step, String jobRef) {
        long id = store.insertOverride(caseReference, scope, sharedWith, reason, by, clock.instant(), jobRef);
        if (id != 0) {
            // The reason stays in the override record (auditors read it there): it may name the family.
            journey.record(caseReference, JourneyKind.CONSENT_OVERRIDDEN, step, by,
                    "Consent overridden by " + by + " for " + scope.label() + (sharedWith == null ? "" : " with " + sharedWith),
                    Map.of("overrideId", id, "scope", scope.name()));
        }
        return id;
    }

    /** The referral's consent (to support and to sharing), copied once into a record per scope. */
    @Transactional
    public void fromReferral(String caseReference) {
        FamilyCase familyCase;
        try {
            familyCase = cases.find(caseReference);
        } catch (NotFoundException noCase) {
            return;
        }
        Referral referral = referrals.findById(familyCase.referralId()).orElse(null);
        if (referral == null || referral.consent() == null || !Boolean.TRUE.equals(referral.consent().given())) {
            return;
        }
        Referral.Consent consent = referral.consent();
        for (ConsentScope scope : ConsentScope.values()) {
            store.insert(caseReference, scope, null, consent.by() == null ? "the family" : consent.by(),
                    consent.at() == null ? referral.receivedAt() : consent.at(), "REFERRAL",
                    referral.receivedBy() == null ? JourneyLog.SYSTEM : referral.receivedBy(), referral.receivedAt(),
                    caseReference + ":" + scope.name());
        }
    }

    private ConsentRecord find(String caseReference, long id) {
        return store.of(caseReference).stream().filter(c -> c.id() == id).findFirst()
                .orElseThrow(() -> new NotFoundException("There is no consent " + id + " on case " + caseReference + "."));
    }

    private static Map<String, Object> details(long id, ConsentScope scope, String sharedWith) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("consentId", id);
        details.put("scope", scope.name());
        if (sharedWith != null) {
            details.put("sharedWith", sharedWith);
        }
        return details;
    }
}
