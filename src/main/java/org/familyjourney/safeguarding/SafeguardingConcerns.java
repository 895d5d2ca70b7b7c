package org.familyjourney.safeguarding;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.familyjourney.processes.JobRef;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The safeguarding concerns of every case. A concern is with the DSL through exactly one process
 * instance at a time, so a concern sent twice (the journey's message and a direct start racing) is
 * decided once.
 */
@Repository
public class SafeguardingConcerns {

    private static final String COLUMNS = """
            id, case_reference, source, category, summary, indicators, raised_by, raised_at, state, sent_to_dsl_at,
            decision_due_at, decision, rationale, actions_taken, support_continues, decided_by, decided_at""";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    SafeguardingConcerns(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Stores a concern raised by a member of staff; returns its id. */
    long raise(String caseReference, ConcernCategory category, String summary, String raisedBy) {
        return insert(caseReference, ConcernSource.RAISED, category, summary, null, null, raisedBy);
    }

    /**
     * The concern that screening a referral found, stored once per referral: a screening run again
     * (a redelivered job, a recreated journey) gets the same concern back.
     */
    public long fromScreening(String caseReference, long referralId, ConcernCategory category, String summary,
                              List<String> indicators, String raisedBy) {
        Optional<Long> existing = screenedFrom(referralId);
        return existing.orElseGet(() -> insert(caseReference, ConcernSource.REFERRAL, category, summary,
                String.join(",", indicators), referralId, raisedBy));
    }

    Optional<Long> screenedFrom(long referralId) {
        return jdbc.queryForList("SELECT id FROM safeguarding_concern WHERE screened_referral_id = ?", Long.class, referralId)
                .stream().findFirst();
    }

    private long insert(String caseReference, ConcernSource source, ConcernCategory category, String summary,
                        String indicators, Long referralId, String raisedBy) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var insert = connection.prepareStatement("""
                    INSERT INTO safeguarding_concern
                        (case_reference, source, category, summary, indicators, screened_referral_id, raised_by, raised_at, state)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'RAISED')""", new String[] {"id"});
            insert.setString(1, caseReference);
            insert.setString(2, source.name());
            insert.setString(3, category.name());
            insert.setString(4, summary);
            insert.setString(5, indicators);
            insert.setObject(6, referralId);
            insert.setString(7, raisedBy);
            insert.setTimestamp(8, Timestamp.from(clock.instant()));
            return insert;
        }, key);
        return key.getKey().longValue();
    }

    /**
     * Puts the concern with the DSL through this process instance. False when another instance of the
     * current engine already has it, or it is decided: then this instance must not ask for a second decision.
     */
    boolean sendToDsl(long concernId, JobRef job, Instant decisionDue) {
        return jdbc.update("""
                UPDATE safeguarding_concern
                SET state = 'WITH_DSL', engine_generation = ?, process_instance_key = ?,
                    sent_to_dsl_at = COALESCE(sent_to_dsl_at, ?), decision_due_at = COALESCE(?, decision_due_at)
                WHERE id = ? AND state <> 'DECIDED'
                  AND (process_instance_key IS NULL OR engine_generation <> ? OR process_instance_key = ?)""",
                job.generation(), job.processInstanceKey(), Timestamp.from(clock.instant()),
                decisionDue == null ? null : Timestamp.from(decisionDue), concernId,
                job.generation(), job.processInstanceKey()) == 1;
    }

    boolean isWithDsl(long concernId) {
        Integer routed = jdbc.queryForObject(
                "SELECT COUNT(*) FROM safeguarding_concern WHERE id = ? AND state <> 'RAISED'", Integer.class, concernId);
        return routed != null && routed > 0;
    }

    void recordDecision(long concernId, SafeguardingDecision decision, String rationale, String actionsTaken,
                        boolean supportContinues, String decidedBy) {
        jdbc.update("""
                UPDATE safeguarding_concern
                SET state = 'DECIDED', decision = ?, rationale = ?, actions_taken = ?, support_continues = ?,
                    decided_by = ?, decided_at = ?
                WHERE id = ?""", decision.name(), rationale, actionsTaken, supportContinues, decidedBy,
                Timestamp.from(clock.instant()), concernId);
    }

    public Optional<SafeguardingConcern> find(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM safeguarding_concern WHERE id = ?", (rs, row) -> map(rs), id)
                .stream().findFirst();
    }

    public List<SafeguardingConcern> of(String caseReference) {
        return jdbc.query("SELECT " + COLUMNS + " FROM safeguarding_concern WHERE case_reference = ? ORDER BY raised_at, id",
                (rs, row) -> map(rs), caseReference);
    }

    private static SafeguardingConcern map(ResultSet rs) throws SQLException {
        String indicators = rs.getString("indicators");
        String decision = rs.getString("decision");
        Object supportContinues = rs.getObject("support_continues");
        return new SafeguardingConcern(rs.getLong("id"), rs.getString("case_reference"),
                ConcernSource.valueOf(rs.getString("source")), ConcernCategory.valueOf(rs.getString("category")),
                rs.getString("summary"),
                indicators == null || indicators.isBlank() ? List.of() : Arrays.asList(indicators.split(",")),
                rs.getString("raised_by"), instant(rs, "raised_at"), ConcernState.valueOf(rs.getString("state")),
                instant(rs, "sent_to_dsl_at"), instant(rs, "decision_due_at"),
                decision == null ? null : SafeguardingDecision.valueOf(decision), rs.getString("rationale"),
                rs.getString("actions_taken"), supportContinues == null ? null : rs.getBoolean("support_continues"),
                rs.getString("decided_by"), instant(rs, "decided_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
