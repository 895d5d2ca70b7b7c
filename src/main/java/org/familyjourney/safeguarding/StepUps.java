package org.familyjourney.safeguarding;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.familyjourney.processes.JobRef;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Step-ups of cases to children's social care. Every step-up stays on record (a later step-down
 * only dates it); a case counts as stepped up while one of its step-ups has no step-down.
 */
@Repository
public class StepUps {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    StepUps(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record StepUp(long id, String caseReference, Long concernId, Instant steppedUpAt, String decidedBy,
                         Instant steppedDownAt, LocalDate socialCareReferredOn, String socialCareReference,
                         Boolean childProtectionPlan, LocalDate childProtectionPlanFrom, String notes,
                         String referralRecordedBy) {
    }

    /** Records the step-up this job makes; false when a redelivered job finds it recorded. */
    boolean stepUp(JobRef job, String caseReference, Long concernId, String decidedBy) {
        return jdbc.update("""
                INSERT IGNORE INTO case_step_up
                    (case_reference, concern_id, stepped_up_at, decided_by, engine_generation, process_instance_key, job_key)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", caseReference, concernId, Timestamp.from(clock.instant()), decidedBy,
                job.generation(), job.processInstanceKey(), job.jobKey()) == 1;
    }

    /** Adds the referral to children's social care to the latest step-up of this process instance still without one. */
    int recordSocialCareReferral(JobRef job, SocialCareReferral referral) {
        return jdbc.update("""
                UPDATE case_step_up
                SET social_care_referred_on = ?, social_care_reference = ?, child_protection_plan = ?,
                    child_protection_plan_from = ?, notes = ?, referral_recorded_by = ?, referral_recorded_at = ?
                WHERE engine_generation = ? AND process_instance_key = ? AND referral_recorded_at IS NULL
                ORDER BY id DESC LIMIT 1""",
                Date.valueOf(referral.referredOn()), referral.reference(), referral.childProtectionPlan(),
                referral.planFrom() == null ? null : Date.valueOf(referral.planFrom()), referral.notes(),
                referral.recordedBy(), Timestamp.from(clock.instant()), job.generation(), job.processInstanceKey());
    }

    public boolean isSteppedUp(String caseReference) {
        Integer open = jdbc.queryForObject(
                "SELECT COUNT(*) FROM case_step_up WHERE case_reference = ? AND stepped_down_at IS NULL",
                Integer.class, caseReference);
        return open != null && open > 0;
    }

    public List<StepUp> of(String caseReference) {
        return jdbc.query("""
                SELECT id, case_reference, concern_id, stepped_up_at, decided_by, stepped_down_at, social_care_referred_on,
                       social_care_reference, child_protection_plan, child_protection_plan_from, notes, referral_recorded_by
                FROM case_step_up WHERE case_reference = ? ORDER BY stepped_up_at, id""",
                (rs, row) -> map(rs), caseReference);
    }

    private static StepUp map(ResultSet rs) throws SQLException {
        Timestamp down = rs.getTimestamp("stepped_down_at");
        Date referred = rs.getDate("social_care_referred_on");
        Date planFrom = rs.getDate("child_protection_plan_from");
        return new StepUp(rs.getLong("id"), rs.getString("case_reference"), (Long) rs.getObject("concern_id", Long.class),
                rs.getTimestamp("stepped_up_at").toInstant(), rs.getString("decided_by"),
                down == null ? null : down.toInstant(), referred == null ? null : referred.toLocalDate(),
                rs.getString("social_care_reference"),
                rs.getObject("child_protection_plan") == null ? null : rs.getBoolean("child_protection_plan"),
                planFrom == null ? null : planFrom.toLocalDate(), rs.getString("notes"), rs.getString("referral_recorded_by"));
    }
}
