package org.familyjourney.casework;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.familyjourney.journey.JourneyKind;
import org.familyjourney.journey.JourneyLog;
import org.familyjourney.security.Role;
import org.familyjourney.security.StaffDirectory;
import org.familyjourney.security.StaffMember;
import org.familyjourney.web.ConflictException;
import org.familyjourney.web.FieldProblem;
import org.familyjourney.web.InvalidInputException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Restricting a family's record to named people (e.g. a parent fleeing domestic abuse). A manager or
 * safeguarding lead who may read the case restricts it with a reason; they, the case's worker and the
 * people they name keep seeing it, and for everyone else it no longer exists ({@code RecordAccess}).
 * A manager or safeguarding lead named on it names more people; a safeguarding lead named on it lifts
 * it with a reason, and the case is then seen as any other. Each change is a journey entry, so the
 * journey keeps who was named and why after a lift; work given to someone names them too
 * ({@link RestrictedNames}).
 */
@Service
public class CaseRestrictions {

    static final int MAX_REASON = 2000;

    private final JdbcTemplate jdbc;
    private final CaseRegister cases;
    private final CaseAccess access;
    private final StaffDirectory staff;
    private final RestrictedNames names;
    private final JourneyLog journey;
    private final Clock clock;

    CaseRestrictions(JdbcTemplate jdbc, CaseRegister cases, CaseAccess access, StaffDirectory staff, RestrictedNames names,
                     JourneyLog journey, Clock clock) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.access = access;
        this.staff = staff;
        this.names = names;
        this.journey = journey;
        this.clock = clock;
    }

    public record Restriction(String caseReference, boolean restricted, String reason, String restrictedBy, Instant restrictedAt,
                              List<String> people) {

        static Restriction none(String caseReference) {
            return new Restriction(caseReference, false, null, null, null, List.of());
        }
    }

    @Transactional
    public Restriction restrict(String reference, String reason, List<String> people, StaffMember who) {
        FamilyCase familyCase = cases.find(reference);
        access.checkMayRead(familyCase, who);
        if (!who.has(Role.MANAGER) && !who.has(Role.SAFEGUARDING_LEAD)) {
            throw new AccessDeniedException("Only a manager or safeguarding lead restricts a record");
        }
        List<FieldProblem> problems = new ArrayList<>();
        Optional<Restriction> existing = find(reference);
        if (existing.isEmpty() && (reason == null || reason.isBlank())) {
            problems.add(new FieldProblem("reason", "is required: say why the record is restricted"));
        } else if (reason != null && reason.length() > MAX_REASON) {
            problems.add(new FieldProblem("reason", "is longer than " + MAX_REASON + " characters"));
        }
        Set<String> named = new LinkedHashSet<>();
        for (String person : people == null ? List.<String>of() : people) {
            if (person == null || staff.find(person.strip()).isEmpty()) {
                problems.add(new FieldProblem("people", "names no staff member called " + person));
            } else {
                named.add(person.strip());
            }
        }
        if (existing.isPresent() && named.isEmpty() && problems.isEmpty()) {
            problems.add(new FieldProblem("people", "is required: choose at least one person to name on the restricted record"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (existing.isEmpty()) {
            jdbc.update("INSERT INTO case_restriction (case_reference, reason, restricted_by, restricted_at) VALUES (?, ?, ?, ?)",
                    reference, reason.strip(), who.username(), Timestamp.from(clock.instant()));
            named.add(who.username());
            if (familyCase.worker() != null) {
                named.add(familyCase.worker());
            }
        }
        List<String> added = named.stream().filter(person -> names.name(reference, person, who.username())).toList();
        if (existing.isEmpty() || !added.isEmpty()) {
            // The reason tells of the family: it is free text, kept where anonymisation reaches it.
            journey.record(reference, JourneyKind.RECORD_RESTRICTED, null, who.username(),
                    existing.isEmpty() ? "Record restricted to named people" : "More people named on the restricted record",
                    Map.of("named", added), existing.isEmpty() ? Map.of("reason", reason.strip()) : Map.of());
        }
        if (hasSafeguardingConcern(reference)) {
            // A concern already on the case stays with a safeguarding lead (see RestrictedNames).
            names.nameSafeguardingLeadsIfNone(reference, who.username());
        }
        return find(reference).orElseThrow();
    }

    /**
     * A safeguarding lead named on the restricted record lifts it, saying why: from then on the case is
     * seen by its team and everyone else who may read it. The journey keeps the lift, who had been named
     * and the original reason.
     */
    @Transactional
    public Restriction lift(String reference, String reason, StaffMember who) {
        FamilyCase familyCase = cases.find(reference);
        access.checkMayRead(familyCase, who);
        if (!who.has(Role.SAFEGUARDING_LEAD)) {
            throw new AccessDeniedException("Only a safeguarding lead lifts a restriction");
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "is required: say why the restriction is lifted");
        }
        if (reason.length() > MAX_REASON) {
            throw new InvalidInputException("reason", "is longer than " + MAX_REASON + " characters");
        }
        Restriction lifted = find(reference)
                .orElseThrow(() -> new ConflictException("Case " + reference + " is not restricted: there is nothing to lift."));
        jdbc.update("DELETE FROM case_restriction_person WHERE case_reference = ?", reference);
        jdbc.update("DELETE FROM case_restriction WHERE case_reference = ?", reference);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("wasNamed", lifted.people());
        details.put("restrictedBy", lifted.restrictedBy());
        details.put("restrictedAt", lifted.restrictedAt().toString());
        journey.record(reference, JourneyKind.RECORD_RESTRICTION_LIFTED, null, who.username(),
                "Restriction lifted by " + who.username(), details, Map.of("reason", reason.strip()));
        return Restriction.none(reference);
    }

    /** The restriction of a case, or "not restricted"; only for someone who may read the case. */
    public Restriction of(String reference) {
        return find(reference).orElse(Restriction.none(reference));
    }

    /** The restriction of a case, if it has one; only for someone who may read the case. */
    public Optional<Restriction> find(String reference) {
        return jdbc.query("""
                SELECT r.reason, r.restricted_by, r.restricted_at, p.username FROM case_restriction r
                LEFT JOIN case_restriction_person p ON p.case_reference = r.case_reference
                WHERE r.case_reference = ? ORDER BY p.username""", rs -> {
            if (!rs.next()) {
                return Optional.empty();
            }
            String reason = rs.getString(1);
            String by = rs.getString(2);
            Instant at = rs.getTimestamp(3).toInstant();
            List<String> people = new ArrayList<>();
            do {
                if (rs.getString(4) != null) {
                    people.add(rs.getString(4));
                }
            } while (rs.next());
            return Optional.of(new Restriction(reference, true, reason, by, at, List.copyOf(people)));
        }, reference);
    }

    private boolean hasSafeguardingConcern(String reference) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM safeguarding_concern WHERE case_reference = ?)", Boolean.class, reference));
    }
}
