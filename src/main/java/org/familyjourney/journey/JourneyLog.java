package org.familyjourney.journey;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.sql.PreparedStatement;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The append-only history of every case. Callers write to it inside the transaction of the change
 * it records, so no change exists without its trace; a call outside one still gets its own, since
 * the chain head must stay locked until the entry is committed.
 */
@Component
@Transactional
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

    /** Records an entry; a null case reference marks one about the service as a whole (a process deployed). */
    public void record(String caseReference, JourneyKind kind, String step, String actor, String summary,
                       Map<String, ?> details) {
        // The chain head is locked until this transaction commits, so entries chain in commit order.
        String previous = jdbc.queryForObject("SELECT last_hash FROM journey_chain_head WHERE id = 1 FOR UPDATE", String.class);
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String text = truncate(summary, 500);
        String json = details.isEmpty() ? null : toJson(details);
        String hash = JourneyHash.of(previous, caseReference, at, kind.name(), step, actor, text, json);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO journey_entry (case_reference, occurred_at, kind, step, actor, summary, details, previous_hash, entry_hash)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", new String[] {"id"});
            insert.setString(1, caseReference);
            insert.setTimestamp(2, Timestamp.from(at));
            insert.setString(3, kind.name());
            insert.setString(4, step);
            insert.setString(5, actor);
            insert.setString(6, text);
            insert.setString(7, json);
            insert.setString(8, previous);
            insert.setString(9, hash);
            return insert;
        }, key);
        jdbc.update("UPDATE journey_chain_head SET last_id = ?, last_hash = ? WHERE id = 1", key.getKey().longValue(), hash);
    }

    /**
     * Takes the chain head for the caller's transaction before it tells the engine something: entries
     * the engine's next steps write then wait for this transaction's, and the journey keeps their order.
     */
    public void holdOrder() {
        jdbc.queryForObject("SELECT last_hash FROM journey_chain_head WHERE id = 1 FOR UPDATE", String.class);
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

    /** One entry by its number, e.g. the one a chain check names as broken. */
    public java.util.Optional<JourneyEntry> entry(long id) {
        return jdbc.query("""
                SELECT id, case_reference, occurred_at, kind, step, actor, summary, details FROM journey_entry WHERE id = ?""",
                (rs, row) -> new JourneyEntry(rs.getLong("id"), rs.getString("case_reference"), rs.getTimestamp("occurred_at").toInstant(),
                        JourneyKind.valueOf(rs.getString("kind")), rs.getString("step"), rs.getString("actor"),
                        rs.getString("summary"), rs.getString("details")), id).stream().findFirst();
    }

    /** Entries that concern the service rather than one case (e.g. process versions deployed), newest first. */
    public List<JourneyEntry> ofService(JourneyKind kind, int limit) {
        return jdbc.query("""
                SELECT id, case_reference, occurred_at, kind, step, actor, summary, details
                FROM journey_entry WHERE case_reference IS NULL AND kind = ? ORDER BY id DESC LIMIT ?""",
                (rs, row) -> new JourneyEntry(rs.getLong("id"), null, rs.getTimestamp("occurred_at").toInstant(),
                        JourneyKind.valueOf(rs.getString("kind")), rs.getString("step"), rs.getString("actor"),
                        rs.getString("summary"), rs.getString("details")),
                kind.name(), limit);
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
