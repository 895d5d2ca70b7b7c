package org.familyjourney.tasklist;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Unfinished answers of a task's form, one per task and person, kept until the task is completed. */
@Repository
class TaskDrafts {

    record Draft(String json, Instant savedAt) {
    }

    private final JdbcTemplate jdbc;

    TaskDrafts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void save(long taskId, String username, String json, Instant at) {
        jdbc.update("""
                INSERT INTO task_draft (task_id, username, data, saved_at) VALUES (?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE data = VALUES(data), saved_at = VALUES(saved_at)""",
                taskId, username, json, Timestamp.from(at));
    }

    Optional<Draft> find(long taskId, String username) {
        return jdbc.query("SELECT data, saved_at FROM task_draft WHERE task_id = ? AND username = ?",
                (rs, row) -> new Draft(rs.getString("data"), rs.getTimestamp("saved_at").toInstant()), taskId, username)
                .stream().findFirst();
    }

    /** A completed task needs no drafts: everyone's go, the answers are now the task's outcome. */
    void deleteAll(long taskId) {
        jdbc.update("DELETE FROM task_draft WHERE task_id = ?", taskId);
    }
}
