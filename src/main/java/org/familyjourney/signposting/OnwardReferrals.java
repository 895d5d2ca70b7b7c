package org.familyjourney.signposting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.familyjourney.processes.JobRef;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Onward referrals, one row per onward-referral process instance: the source of "signposting by
 * destination and outcome" reports.
 */
@Repository
public class OnwardReferrals {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    OnwardReferrals(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record OnwardReferral(long id, String caseReference, String organisation, OnwardService service, String email,
                                 String worker, OnwardReferralState state, String sharingBasis, Instant sentAt,
                                 Instant chasedAt, Instant answeredAt, String answerNotes, String answerRecordedBy) {
    }

    /** The referral of this process instance, stored on the first call and found on every later one. */
    OnwardReferral open(JobRef job, String caseReference, OnwardReferralRequest request, String worker,
                        OnwardReferralState state, String sharingBasis) {
        Instant now = clock.instant();
        jdbc.update("""
                INSERT IGNORE INTO onward_referral
                    (case_reference, organisation, service, email, reason, worker, state, sharing_basis, created_at, sent_at,
                     engine_generation, process_instance_key)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", caseReference, request.organisation(),
                request.service().name(), request.email(), request.reason(), worker, state.name(), sharingBasis,
                Timestamp.from(now), state == OnwardReferralState.SENT ? Timestamp.from(now) : null,
                job.generation(), job.processInstanceKey());
        return of(job).orElseThrow();
    }

    Optional<OnwardReferral> of(JobRef job) {
        return jdbc.query("SELECT * FROM onward_referral WHERE engine_generation = ? AND process_instance_key = ?",
                (rs, row) -> map(rs), job.generation(), job.processInstanceKey()).stream().findFirst();
    }

    void chased(long id) {
        jdbc.update("UPDATE onward_referral SET chased_at = ? WHERE id = ?", Timestamp.from(clock.instant()), id);
    }

    void answered(long id, OnwardReferralState answer, String notes, String recordedBy) {
        jdbc.update("""
                UPDATE onward_referral SET state = ?, answered_at = ?, answer_notes = ?, answer_recorded_by = ?
                WHERE id = ?""", answer.name(), Timestamp.from(clock.instant()), notes, recordedBy, id);
    }

    public List<OnwardReferral> of(String caseReference) {
        return jdbc.query("SELECT * FROM onward_referral WHERE case_reference = ? ORDER BY created_at, id",
                (rs, row) -> map(rs), caseReference);
    }

    private static OnwardReferral map(ResultSet rs) throws SQLException {
        return new OnwardReferral(rs.getLong("id"), rs.getString("case_reference"), rs.getString("organisation"),
                OnwardService.valueOf(rs.getString("service")), rs.getString("email"), rs.getString("worker"),
                OnwardReferralState.valueOf(rs.getString("state")), rs.getString("sharing_basis"),
                instant(rs, "sent_at"), instant(rs, "chased_at"), instant(rs, "answered_at"), rs.getString("answer_notes"),
                rs.getString("answer_recorded_by"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
