package org.familyjourney.journey;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The append-only history of every case. Callers write to it inside the transaction of the change
 * it records, so no change exists without its trace.
 */
@Component
public class JourneyLog {

    public static final String SYSTEM = "system";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ObjectMapper json;

    JourneyLog(JdbcTemplate jdbc, Clock clock, ObjectMapper json) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.json = json;
    }

    public void record(String caseReference, JourneyKind kind, String step, String actor, String summary) {
        record(caseReference, kind, step, actor, summary, Map.of());
    }

    public void record(String caseReference, JourneyKind kind, String step, String actor, String summary,
                       Map<String, ?> details) {
        jdbc.update("""
                INSERT INTO journey_entry (case_reference, occurred_at, kind, step, actor, summary, details)
                VALUES (?, ?, ?, ?, ?, ?, ?)""",
                caseReference, Timestamp.from(clock.instant()), kind.name(), step, actor,
                truncate(summary, 500), details.isEmpty() ? null : toJson(details));
    }

    public List<JourneyEntry> of(String caseReference) {
        return jdbc.query("""
                SELECT id, case_reference, occurred_at, kind, step, actor, summary, details
                FROM journey_entry WHERE case_reference = ? ORDER BY occurred_at, id""",
                (rs, row) -> new JourneyEntry(rs.getLong("id"), rs.getString("case_reference"),
                        rs.getTimestamp("occurred_at").toInstant(), JourneyKind.valueOf(rs.getString("kind")),
                        rs.getString("step"), rs.getString("actor"), rs.getString("summary"), rs.getString("details")),
                caseReference);
    }

    /** Whether the case got an entry of this kind at or after the instant (e.g. closed since a task was done). */
    public boolean hasEntrySince(String caseReference, JourneyKind kind, Instant since) {
        Integer found = jdbc.queryForObject(
                "SELECT COUNT(*) FROM journey_entry WHERE case_reference = ? AND kind = ? AND occurred_at >= ?",
                Integer.class, caseReference, kind.name(), Timestamp.from(since));
        return found != null && found > 0;
    }

    private String toJson(Map<String, ?> details) {
        try {
            return json.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Journey details must be plain data", e);
        }
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    public record JourneyEntry(long id, String caseReference, Instant occurredAt, JourneyKind kind, String step,
                               String actor, String summary, String details) {
    }
}
