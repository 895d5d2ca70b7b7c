package org.familyjourney.casework;

import java.sql.Timestamp;
import java.time.Clock;
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
 * More people can be named later; each change is a journey entry. Lifting a restriction is not offered.
 */
@Service
public class CaseRestrictions {

    static final int MAX_REASON = 2000;

    private final JdbcTemplate jdbc;
    private final CaseRegister cases;
    private final CaseAccess access;
    private final StaffDirectory staff;
    private final JourneyLog journey;
    private final Clock clock;

    CaseRestrictions(JdbcTemplate jdbc, CaseRegister cases, CaseAccess access, StaffDirectory staff, JourneyLog journey, Clock clock) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.access = access;
        this.staff = staff;
        this.journey = journey;
        this.clock = clock;
    }

    public record Restriction(String caseReference, boolean restricted, String reason, String restrictedBy, List<String> people) {

        static Restriction none(String caseReference) {
            return new Restriction(caseReference, false, null, null, List.of());
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
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Timestamp now = Timestamp.from(clock.instant());
        if (existing.isEmpty()) {
            jdbc.update("INSERT INTO case_restriction (case_reference, reason, restricted_by, restricted_at) VALUES (?, ?, ?, ?)",
                    reference, reason.strip(), who.username(), now);
            named.add(who.username());
            if (familyCase.worker() != null) {
                named.add(familyCase.worker());
            }
        }
        List<String> added = new ArrayList<>();
        for (String person : named) {
            added.addAll(jdbc.update("INSERT IGNORE INTO case_restriction_person (case_reference, username, named_by, named_at) VALUES (?, ?, ?, ?)",
                    reference, person, who.username(), now) > 0 ? List.of(person) : List.of());
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("named", added);
        if (existing.isEmpty()) {
            details.put("reason", reason.strip());
        }
        journey.record(reference, JourneyKind.RECORD_RESTRICTED, null, who.username(),
                existing.isEmpty() ? "Record restricted to named people" : "More people named on the restricted record", details);
        return find(reference).orElseThrow();
    }

    /** The restriction of a case, if it has one; only for someone who may read the case. */
    public Optional<Restriction> find(String reference) {
        return jdbc.query("SELECT case_reference, reason, restricted_by FROM case_restriction WHERE case_reference = ?",
                (rs, row) -> new Restriction(rs.getString(1), true, rs.getString(2), rs.getString(3), jdbc.queryForList(
                        "SELECT username FROM case_restriction_person WHERE case_reference = ? ORDER BY username", String.class, reference)),
                reference).stream().findFirst();
    }
}
