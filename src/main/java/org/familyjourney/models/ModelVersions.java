package org.familyjourney.models;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.familyjourney.processes.ProcessCatalog;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The model_version table: every logical version of every process and form, with its content. */
@Component
public class ModelVersions {

    private static final String COLUMNS = "id, kind, model_id, version, sha256, resource_name, deployed_by, comment, deployed_at";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    ModelVersions(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Oldest first. */
    public List<ModelVersion> of(ModelKind kind, String modelId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM model_version WHERE kind = ? AND model_id = ? ORDER BY version",
                this::map, kind.name(), modelId);
    }

    public Optional<ModelVersion> latest(ModelKind kind, String modelId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM model_version WHERE kind = ? AND model_id = ? ORDER BY version DESC LIMIT 1",
                this::map, kind.name(), modelId).stream().findFirst();
    }

    public Optional<ModelVersion> find(ModelKind kind, String modelId, int version) {
        return jdbc.query("SELECT " + COLUMNS + " FROM model_version WHERE kind = ? AND model_id = ? AND version = ?",
                this::map, kind.name(), modelId, version).stream().findFirst();
    }

    public String content(ModelVersion version) {
        return jdbc.queryForObject("SELECT content FROM model_version WHERE id = ?", String.class, version.id());
    }

    boolean knows(ModelKind kind, String modelId, String sha256) {
        Integer found = jdbc.queryForObject("SELECT COUNT(*) FROM model_version WHERE kind = ? AND model_id = ? AND sha256 = ?",
                Integer.class, kind.name(), modelId, sha256);
        return found != null && found > 0;
    }

    /**
     * Adds the next version. Two managers deploying at once both read the same "next" number; the
     * unique key lets one of them in and the other gets a DuplicateKeyException (a 409 for them).
     */
    ModelVersion add(ModelKind kind, String modelId, String resourceName, String content, String by, String comment) {
        Integer last = jdbc.queryForObject("SELECT MAX(version) FROM model_version WHERE kind = ? AND model_id = ?",
                Integer.class, kind.name(), modelId);
        int next = last == null ? 1 : last + 1;
        jdbc.update("""
                INSERT INTO model_version (kind, model_id, version, sha256, resource_name, content, deployed_by, comment, deployed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                kind.name(), modelId, next, ProcessCatalog.sha256(content), resourceName, content, by, comment,
                Timestamp.from(clock.instant()));
        return find(kind, modelId, next).orElseThrow();
    }

    private ModelVersion map(ResultSet rs, int row) throws SQLException {
        return new ModelVersion(rs.getLong("id"), ModelKind.valueOf(rs.getString("kind")), rs.getString("model_id"),
                rs.getInt("version"), rs.getString("sha256"), rs.getString("resource_name"), rs.getString("deployed_by"),
                rs.getString("comment"), rs.getTimestamp("deployed_at").toInstant());
    }
}
