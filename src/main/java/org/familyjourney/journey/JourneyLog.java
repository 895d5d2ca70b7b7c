package org.familyjourney.journey;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The append-only history of every case. Callers write to it inside the transaction of the change
 * it records, so no change exists without its trace (a call outside one still gets its own); the
 * entries are chained into the log as that transaction commits ({@link JourneyChain}).
 */
@Component
@Transactional
public class JourneyLog {

    public static final String SYSTEM = "system";
    /** The details key that lists the fields of an entry kept in journey_entry_text. */
    public static final String FREE_TEXT_FIELDS = "freeTextFields";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ObjectMapper json;
    private final JourneyChain chain;

    JourneyLog(JdbcTemplate jdbc, Clock clock, ObjectMapper json, JourneyChain chain) {
        this.chain = chain;
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
        record(caseReference, kind, step, actor, summary, details, Map.of());
    }

    /**
     * Records an entry with free text about the family (written answers, comments, reasons) kept outside
     * the hashed entry, in journey_entry_text, where anonymisation reaches it; the entry names the fields
     * ({@value #FREE_TEXT_FIELDS}) and readers of the journey get them back in its details.
     */
    public void record(String caseReference, JourneyKind kind, String step, String actor, String summary,
                       Map<String, ?> details, Map<String, ?> freeText) {
        recordAt(clock.instant(), caseReference, kind, step, actor, summary, details, freeText);
    }

    /**
     * Records an entry of something that happened at {@code at}, before this transaction told the engine
     * of it (a task's completion): the entries of the steps the engine runs next come after it in the
     * case's journey, which reads in time order, without the chain head being held while the engine works.
     */
    public void recordAt(Instant at, String caseReference, JourneyKind kind, String step, String actor, String summary,
                         Map<String, ?> details, Map<String, ?> freeText) {
        if (!freeText.isEmpty() && caseReference == null) {
            throw new IllegalArgumentException("Free text belongs to a case's journey");
        }
        Map<String, Object> hashed = new LinkedHashMap<>(details);
        if (!freeText.isEmpty()) {
            hashed.put(FREE_TEXT_FIELDS, List.copyOf(freeText.keySet()));
        }
        chain.append(new JourneyChain.Pending(at.truncatedTo(ChronoUnit.MICROS), caseReference, kind.name(), step, actor,
                truncate(summary, 500), hashed.isEmpty() ? null : toJson(hashed), freeText.isEmpty() ? null : toJson(freeText)));
    }

    /**
     * Takes the chain head for the caller's transaction before it tells the engine something: entries
     * the engine's next steps write then wait for this transaction's, and the journey keeps their order.
     */
    public void holdOrder() {
        chain.lockHead();
    }

    /** A case's journey, each entry's details with its free text put back (placeholders once anonymised). */
    public List<JourneyEntry> of(String caseReference) {
        chain.flush();
        return jdbc.query("""
                SELECT e.id, e.case_reference, e.occurred_at, e.kind, e.step, e.actor, e.summary, e.details, t.content
                FROM journey_entry e LEFT JOIN journey_entry_text t ON t.entry_id = e.id
                WHERE e.case_reference = ? ORDER BY e.occurred_at, e.id""", this::withText, caseReference);
    }

    /** One entry by its number, e.g. the one a chain check names as broken. */
    public java.util.Optional<JourneyEntry> entry(long id) {
        chain.flush();
        return jdbc.query("""
                SELECT e.id, e.case_reference, e.occurred_at, e.kind, e.step, e.actor, e.summary, e.details, t.content
                FROM journey_entry e LEFT JOIN journey_entry_text t ON t.entry_id = e.id WHERE e.id = ?""",
                this::withText, id).stream().findFirst();
    }

    private JourneyEntry withText(ResultSet rs, int row) throws SQLException {
        return new JourneyEntry(rs.getLong("id"), rs.getString("case_reference"), rs.getTimestamp("occurred_at").toInstant(),
                JourneyKind.valueOf(rs.getString("kind")), rs.getString("step"), rs.getString("actor"), rs.getString("summary"),
                merged(rs.getString("details"), rs.getString("content")));
    }

    /** The hashed details with the named free-text fields put back in; the list of their names is dropped. */
    private String merged(String details, String freeText) {
        if (freeText == null) {
            return details;
        }
        try {
            ObjectNode all = details == null ? json.createObjectNode() : (ObjectNode) json.readTree(details);
            all.remove(FREE_TEXT_FIELDS);
            all.setAll((ObjectNode) json.readTree(freeText));
            return json.writeValueAsString(all);
        } catch (JsonProcessingException | ClassCastException e) {
            throw new IllegalStateException("A journey entry's details are not a JSON object", e);
        }
    }

    /** Entries that concern the service rather than one case (e.g. process versions deployed), newest first. */
    public List<JourneyEntry> ofService(JourneyKind kind, int limit) {
        chain.flush();
        return jdbc.query("""
                SELECT id, case_reference, occurred_at, kind, step, actor, summary, details
                FROM journey_entry WHERE case_reference IS NULL AND kind = ? ORDER BY id DESC LIMIT ?""",
                (rs, row) -> new JourneyEntry(rs.getLong("id"), null, rs.getTimestamp("occurred_at").toInstant(),
                        JourneyKind.valueOf(rs.getString("kind")), rs.getString("step"), rs.getString("actor"),
                        rs.getString("summary"), rs.getString("details")),
                kind.name(), limit);
    }

    /** When the case last got an entry of this kind (e.g. when it was reopened). */
    public java.util.Optional<Instant> latest(String caseReference, JourneyKind kind) {
        chain.flush();
        return jdbc.queryForList("SELECT MAX(occurred_at) FROM journey_entry WHERE case_reference = ? AND kind = ?",
                Timestamp.class, caseReference, kind.name()).stream().filter(java.util.Objects::nonNull).map(Timestamp::toInstant).findFirst();
    }

    /** Whether the case got an entry of this kind at or after the instant (e.g. closed since a task was done). */
    public boolean hasEntrySince(String caseReference, JourneyKind kind, Instant since) {
        chain.flush();
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

    static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    public record JourneyEntry(long id, String caseReference, Instant occurredAt, JourneyKind kind, String step,
                               String actor, String summary, String details) {
    }
}
