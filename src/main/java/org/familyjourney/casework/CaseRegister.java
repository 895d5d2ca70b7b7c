package org.familyjourney.casework;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.familyjourney.journey.JourneyKind;
import org.familyjourney.journey.JourneyLog;
import org.familyjourney.referral.Referral;
import org.familyjourney.referral.ReferralRepository;
import org.familyjourney.retention.CaseRetention;
import org.familyjourney.web.NotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.relational.core.conversion.DbActionExecutionException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opens, allocates and closes cases; each change is written with its journey entry. */
@Service
public class CaseRegister {

    private final CaseRepository cases;
    private final CaseReferences references;
    private final JourneyLog journey;
    private final ReferralRepository referrals;
    private final Clock clock;
    private final CaseRetention retention;
    private final RestrictedNames restrictedNames;

    CaseRegister(CaseRepository cases, CaseReferences references, JourneyLog journey, ReferralRepository referrals, Clock clock,
                 CaseRetention retention, RestrictedNames restrictedNames) {
        this.retention = retention;
        this.restrictedNames = restrictedNames;
        this.cases = cases;
        this.references = references;
        this.journey = journey;
        this.referrals = referrals;
        this.clock = clock;
    }

    /** Opens the case of a referral; a second call for the same referral returns the same case. */
    @Transactional
    public FamilyCase open(long referralId, long processInstanceKey, long generation) {
        Optional<FamilyCase> existing = cases.findByReferralId(referralId);
        if (existing.isPresent()) {
            return existing.get();
        }
        try {
            FamilyCase opened = cases.save(new FamilyCase(null, references.next(), referralId, CaseStatus.AWAITING_TRIAGE,
                    null, clock.instant(), null, processInstanceKey, generation, null));
            Optional<Referral> referral = referrals.findById(referralId);
            String receivedBy = referral.map(Referral::receivedBy).orElse(JourneyLog.SYSTEM);
            Map<String, Object> received = new LinkedHashMap<>();
            referral.ifPresent(r -> {
                received.put("source", r.source().name());
                received.put("receivedAt", r.receivedAt().toString());
            });
            journey.record(opened.reference(), JourneyKind.REFERRAL_RECEIVED, "StartEvent_ReferralReceived",
                    receivedBy, "Referral received", received);
            journey.record(opened.reference(), JourneyKind.CASE_OPENED, "Task_RegisterReferral", JourneyLog.SYSTEM,
                    "Case " + opened.reference() + " opened");
            return opened;
        } catch (DuplicateKeyException | DbActionExecutionException raced) {
            // Two deliveries of the register job at once (Spring Data JDBC wraps the duplicate key).
            return cases.findByReferralId(referralId).orElseThrow(() -> raced);
        }
    }

    /** The reference of the case the referral opened, if its journey has opened one yet. */
    public Optional<String> openedFor(long referralId) {
        return cases.findByReferralId(referralId).map(FamilyCase::reference);
    }

    public Optional<String> awaitCaseFor(long referralId, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<FamilyCase> opened = cases.findByReferralId(referralId);
            if (opened.isPresent()) {
                return opened.map(FamilyCase::reference);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return Optional.empty();
    }

    @Transactional
    public FamilyCase allocate(String reference, String worker, String step) {
        FamilyCase current = find(reference);
        if (worker.equals(current.worker()) && current.status() == CaseStatus.ALLOCATED) {
            return current;
        }
        FamilyCase allocated = cases.save(current.allocatedTo(worker));
        journey.record(reference, JourneyKind.CASE_UPDATED, step, JourneyLog.SYSTEM, "Case allocated to " + worker);
        // A record restricted before allocation: its worker must see it.
        restrictedNames.nameForWork(reference, worker, JourneyLog.SYSTEM, "the case was allocated to them");
        return allocated;
    }

    /**
     * A manager gives an open case to another worker (caseload reassignment), with the reason in its
     * journey; on a restricted record the new worker is named on it, or they could not open their case.
     */
    @Transactional
    public FamilyCase reassign(String reference, String worker, String manager, String reason) {
        FamilyCase current = find(reference);
        if (worker.equals(current.worker())) {
            return current;
        }
        FamilyCase moved = cases.save(current.heldBy(worker));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("from", current.worker() == null ? "nobody" : current.worker());
        details.put("to", worker);
        // The manager's reason may speak of the family: free text, which anonymisation must reach.
        journey.record(reference, JourneyKind.CASE_REASSIGNED, "Caseload", manager,
                "Case moved from " + details.get("from") + " to " + worker + " by " + manager, details, Map.of("reason", reason));
        restrictedNames.nameForWork(reference, worker, manager, "the case moved to them");
        return moved;
    }

    @Transactional
    public FamilyCase moveTo(String reference, CaseStatus status, String step) {
        FamilyCase current = find(reference);
        if (current.status() == status) {
            return current;
        }
        FamilyCase moved = status.isClosed() ? current.closed(status, clock.instant()) : current.inStatus(status);
        cases.save(moved);
        journey.record(reference, moved.closedAt() != null ? JourneyKind.CASE_CLOSED : JourneyKind.CASE_UPDATED, step,
                JourneyLog.SYSTEM, "Case is now " + status.name().toLowerCase().replace('_', ' '), Map.of("status", status.name()));
        return moved;
    }

    /** Opens a closed case again; its history stays, and the journey picks up at the assessment. */
    @Transactional
    public FamilyCase reopen(String reference, String step, long processInstanceKey, long generation, String reopenedBy) {
        FamilyCase current = find(reference);
        if (current.status() == CaseStatus.REOPENED && current.closedAt() == null) {
            return current;
        }
        FamilyCase reopened = cases.save(current.reopened(processInstanceKey, generation));
        retention.cancel(reference);
        String by = reopenedBy == null || reopenedBy.isBlank() ? JourneyLog.SYSTEM : reopenedBy;
        journey.record(reference, JourneyKind.CASE_REOPENED, step, by, "Case reopened" + (by.equals(JourneyLog.SYSTEM) ? "" : " by " + by));
        return reopened;
    }

    public FamilyCase find(String reference) {
        return cases.findByReference(reference)
                .orElseThrow(() -> new NotFoundException("There is no case " + reference + "."));
    }
}
