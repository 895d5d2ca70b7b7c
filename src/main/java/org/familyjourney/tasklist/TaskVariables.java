package org.familyjourney.tasklist;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The process variables a user task's job carried, kept to prefill its form. The engine holds keys
 * and flags only (never the family's personal data), so neither does this table.
 */
@Repository
class TaskVariables {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    TaskVariables(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void save(long taskId, Map<String, Object> variables) {
        try {
            jdbc.update("INSERT IGNORE INTO user_task_variables (task_id, variables) VALUES (?, ?)",
                    taskId, json.writeValueAsString(variables));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Process variables are plain data", e);
        }
    }

    Map<String, Object> of(long taskId) {
        return jdbc.query("SELECT variables FROM user_task_variables WHERE task_id = ?", (rs, row) -> rs.getString(1), taskId)
                .stream().findFirst().map(this::read).orElseGet(LinkedHashMap::new);
    }

    private Map<String, Object> read(String text) {
        try {
            return json.readValue(text, new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (JsonProcessingException e) {
            return new LinkedHashMap<>();
        }
    }
}
