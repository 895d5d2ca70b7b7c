package org.familyjourney.casework;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.familyjourney.security.Role;
import org.familyjourney.security.StaffMember;
import org.familyjourney.web.NotFoundException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Who may open a family's record, and the trace every opening leaves. A worker sees the cases they
 * hold or have a task on; managers, safeguarding leads and auditors see all. Anyone else is told
 * there is no such case, so a reference alone reveals nothing.
 */
@Component
public class CaseAccess {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    CaseAccess(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void checkMayRead(FamilyCase familyCase, StaffMember who) {
        if (!mayRead(familyCase, who)) {
            throw new NotFoundException("There is no case " + familyCase.reference() + " that you can see.");
        }
    }

    public boolean mayRead(FamilyCase familyCase, StaffMember who) {
        if (who.has(Role.MANAGER) || who.has(Role.SAFEGUARDING_LEAD) || who.has(Role.AUDITOR)) {
            return true;
        }
        if (who.username().equals(familyCase.worker())) {
            return true;
        }
        Integer tasks = jdbc.queryForObject("""
                SELECT COUNT(*) FROM user_task WHERE case_reference = ? AND (assignee = ? OR completed_by = ?)""",
                Integer.class, familyCase.reference(), who.username(), who.username());
        return tasks != null && tasks > 0;
    }

    /** One look at a family's record (or, without a case reference, at a report across families). */
    public record Access(long id, String caseReference, String username, Instant accessedAt, String what) {
    }

    /** Who has looked at a case, oldest first: auditors ask exactly this. */
    public List<Access> of(String caseReference) {
        return jdbc.query("SELECT id, case_reference, username, accessed_at, what FROM access_log WHERE case_reference = ? ORDER BY accessed_at, id",
                (rs, row) -> new Access(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(), rs.getString(5)),
                caseReference);
    }

    /** Records that someone looked at a report drawn from many families' records (no one case). */
    public void recordReportView(StaffMember who, String what) {
        jdbc.update("INSERT INTO access_log (case_reference, username, accessed_at, what) VALUES (NULL, ?, ?, ?)",
                who.username(), Timestamp.from(clock.instant()), what);
    }

    /** Records that someone looked at a family's record; auditors' views are recorded too. */
    public void recordView(String caseReference, StaffMember who, String what) {
        jdbc.update("INSERT INTO access_log (case_reference, username, accessed_at, what) VALUES (?, ?, ?, ?)",
                caseReference, who.username(), Timestamp.from(clock.instant()), what);
    }

    /** Views of many cases at once (a search result): one multi-row insert, not one round trip per case. */
    public void recordViews(List<String> caseReferences, StaffMember who, String what) {
        if (caseReferences.isEmpty()) {
            return;
        }
        Timestamp at = Timestamp.from(clock.instant());
        List<Object> args = new java.util.ArrayList<>();
        caseReferences.forEach(reference -> args.addAll(List.of(reference, who.username(), at, what)));
        jdbc.update("INSERT INTO access_log (case_reference, username, accessed_at, what) VALUES "
                + String.join(", ", java.util.Collections.nCopies(caseReferences.size(), "(?, ?, ?, ?)")), args.toArray());
    }
}
