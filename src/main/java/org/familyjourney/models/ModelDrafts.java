package org.familyjourney.models;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** A manager's unfinished edit of a model, kept on the server per person and model until they deploy it. */
@Component
class ModelDrafts {

    record Draft(String content, Instant savedAt) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    ModelDrafts(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Instant save(ModelKind kind, String modelId, String username, String content) {
        Instant now = clock.instant();
        jdbc.update("""
                INSERT INTO model_draft (kind, model_id, username, content, saved_at) VALUES (?, ?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE content = VALUES(content), saved_at = VALUES(saved_at)""",
                kind.name(), modelId, username, content, Timestamp.from(now));
        return now;
    }

    Optional<Draft> find(ModelKind kind, String modelId, String username) {
        return jdbc.query("SELECT content, saved_at FROM model_draft WHERE kind = ? AND model_id = ? AND username = ?",
                (rs, row) -> new Draft(rs.getString(1), rs.getTimestamp(2).toInstant()), kind.name(), modelId, username)
                .stream().findFirst();
    }

    void discard(ModelKind kind, String modelId, String username) {
        jdbc.update("DELETE FROM model_draft WHERE kind = ? AND model_id = ? AND username = ?", kind.name(), modelId, username);
    }
}
