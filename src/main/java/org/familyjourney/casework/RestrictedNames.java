package org.familyjourney.casework;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.familyjourney.journey.JourneyKind;
import org.familyjourney.journey.JourneyLog;
import org.familyjourney.security.RecordAccess;
import org.familyjourney.security.Role;
import org.familyjourney.security.StaffDirectory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who is named on a restricted record because of the work they are given, so that a restriction never
 * hides a family's work from the person doing it: the worker a case is allocated or moved to, the
 * person a manager gives a task to, and the safeguarding leads a concern must reach. Each naming is a
 * journey entry ({@code RECORD_RESTRICTED}) saying why; on a record that is not restricted nothing happens.
 */
@Component
public class RestrictedNames {

    private final JdbcTemplate jdbc;
    private final JourneyLog journey;
    private final RecordAccess records;
    private final StaffDirectory staff;
    private final Clock clock;

    RestrictedNames(JdbcTemplate jdbc, JourneyLog journey, RecordAccess records, StaffDirectory staff, Clock clock) {
        this.jdbc = jdbc;
        this.journey = journey;
        this.records = records;
        this.staff = staff;
        this.clock = clock;
    }

    /**
     * Names the person on the case's restriction, if it has one and they are not named yet, because
     * {@code why} (e.g. "the case moved to them"); true if they were named now.
     */
    @Transactional
    public boolean nameForWork(String reference, String username, String actor, String why) {
        if (username == null || !records.isRestricted(reference) || !name(reference, username, actor)) {
            return false;
        }
        journey.record(reference, JourneyKind.RECORD_RESTRICTED, null, actor,
                username + " named on the restricted record: " + why, Map.of("named", List.of(username), "why", why));
        return true;
    }

    /**
     * A restricted record must never hide a safeguarding concern: when no safeguarding lead who may sign
     * in is named on it, every safeguarding lead is named (they decide concerns for every team). Returns
     * who was named now.
     */
    @Transactional
    public List<String> nameSafeguardingLeadsIfNone(String reference, String actor) {
        if (!records.isRestricted(reference) || !records.withRoleWhoMayRead(Role.SAFEGUARDING_LEAD, reference).isEmpty()) {
            return List.of();
        }
        List<String> named = new ArrayList<>();
        for (StaffDirectory.Staff lead : staff.withRole(Role.SAFEGUARDING_LEAD)) {
            if (name(reference, lead.username(), actor)) {
                named.add(lead.username());
            }
        }
        if (!named.isEmpty()) {
            String why = "a safeguarding concern on a restricted record must reach a safeguarding lead";
            journey.record(reference, JourneyKind.RECORD_RESTRICTED, null, actor,
                    "Safeguarding leads named on the restricted record: " + why, Map.of("named", named, "why", why));
        }
        return named;
    }

    /** One person named on the restriction; false if they already were. */
    boolean name(String reference, String username, String namedBy) {
        return jdbc.update("INSERT IGNORE INTO case_restriction_person (case_reference, username, named_by, named_at) VALUES (?, ?, ?, ?)",
                reference, username, namedBy, Timestamp.from(clock.instant())) > 0;
    }
}
