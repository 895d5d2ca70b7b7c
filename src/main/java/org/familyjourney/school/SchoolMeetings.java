package org.familyjourney.school;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.familyjourney.processes.JobRef;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** School advocacy meetings, for the case page and the funders' count of meetings held. */
@Repository
public class SchoolMeetings {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    SchoolMeetings(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    record Arrangement(String caseReference, String schoolName, String contactName, String contactEmail, Instant startsAt,
                       Instant endsAt, String place, MeetingPurpose purpose, String purposeDetail, boolean parentInvited,
                       String worker) {
    }

    /**
     * The meeting the job arranged: stored on its first delivery with a calendar UID of its own, and
     * found again, with the same UID, on every redelivery.
     */
    SchoolMeeting arrange(JobRef job, Arrangement meeting) {
        jdbc.update("""
                INSERT IGNORE INTO school_meeting
                    (case_reference, school_name, school_contact_name, school_contact_email, starts_at, ends_at, place,
                     purpose, purpose_detail, parent_invited, worker, calendar_uid, state,
                     engine_generation, process_instance_key, job_key)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ARRANGED', ?, ?, ?)""",
                meeting.caseReference(), meeting.schoolName(), meeting.contactName(), meeting.contactEmail(),
                Timestamp.from(meeting.startsAt()), Timestamp.from(meeting.endsAt()), meeting.place(),
                meeting.purpose().name(), meeting.purposeDetail(), meeting.parentInvited(), meeting.worker(),
                "school-meeting-" + UUID.randomUUID() + "@family-journey", job.generation(), job.processInstanceKey(),
                job.jobKey());
        return jdbc.query("SELECT * FROM school_meeting WHERE engine_generation = ? AND job_key = ?",
                (rs, row) -> map(rs), job.generation(), job.jobKey()).getFirst();
    }

    void recordOutcome(long meetingId, boolean held, String notHeldReason, List<String> attendees, String outcome,
                       String agreedActions, boolean followUpNeeded, String recordedBy) {
        jdbc.update("""
                UPDATE school_meeting
                SET state = ?, not_held_reason = ?, attendees = ?, outcome = ?, agreed_actions = ?, follow_up_needed = ?,
                    outcome_recorded_by = ?, outcome_recorded_at = ?
                WHERE id = ?""", held ? SchoolMeeting.HELD : SchoolMeeting.NOT_HELD, held ? null : notHeldReason,
                held && attendees != null ? String.join(",", attendees) : null, held ? outcome : null,
                held ? agreedActions : null, followUpNeeded, recordedBy, Timestamp.from(clock.instant()), meetingId);
    }

    public int heldOn(String caseReference) {
        Integer held = jdbc.queryForObject("SELECT COUNT(*) FROM school_meeting WHERE case_reference = ? AND state = 'HELD'",
                Integer.class, caseReference);
        return held == null ? 0 : held;
    }

    public Optional<SchoolMeeting> find(long id) {
        return jdbc.query("SELECT * FROM school_meeting WHERE id = ?", (rs, row) -> map(rs), id).stream().findFirst();
    }

    public List<SchoolMeeting> of(String caseReference) {
        return jdbc.query("SELECT * FROM school_meeting WHERE case_reference = ? ORDER BY starts_at, id",
                (rs, row) -> map(rs), caseReference);
    }

    private static SchoolMeeting map(ResultSet rs) throws SQLException {
        String attendees = rs.getString("attendees");
        Timestamp recorded = rs.getTimestamp("outcome_recorded_at");
        return new SchoolMeeting(rs.getLong("id"), rs.getString("case_reference"), rs.getString("school_name"),
                rs.getString("school_contact_name"), rs.getString("school_contact_email"),
                rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(), rs.getString("place"),
                MeetingPurpose.valueOf(rs.getString("purpose")), rs.getString("purpose_detail"),
                rs.getBoolean("parent_invited"), rs.getString("worker"), rs.getString("calendar_uid"),
                rs.getString("state"), rs.getString("not_held_reason"),
                attendees == null || attendees.isBlank() ? List.of() : Arrays.asList(attendees.split(",")),
                rs.getString("outcome"), rs.getString("agreed_actions"),
                rs.getObject("follow_up_needed") == null ? null : rs.getBoolean("follow_up_needed"),
                rs.getString("outcome_recorded_by"), recorded == null ? null : recorded.toInstant());
    }
}
