package org.familyjourney.casework;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.familyjourney.security.RecordAccess;
import org.familyjourney.security.StaffMember;
import org.familyjourney.web.NotFoundException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Who may open a family's record ({@link RecordAccess} decides), and the trace every opening leaves.
 * Anyone who may not is told there is no such case, so a reference alone reveals nothing, not even
 * that a restricted record exists.
 */
@Component
public class CaseAccess {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final RecordAccess records;

    CaseAccess(JdbcTemplate jdbc, Clock clock, RecordAccess records) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.records = records;
    }

    public void checkMayRead(FamilyCase familyCase, StaffMember who) {
        if (!mayRead(familyCase, who)) {
            throw new NotFoundException("There is no case " + familyCase.reference() + " that you can see.");
        }
    }

    /** The rule is {@link RecordAccess}'s, the one place every read of a family's record asks. */
    public boolean mayRead(FamilyCase familyCase, StaffMember who) {
        return records.mayRead(familyCase.reference(), who);
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
