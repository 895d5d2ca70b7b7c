package org.familyjourney.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The deployed Camunda forms: their JSON by form id, and the engine's form keys (which a job-based
 * user task carries) mapped back to ids. Keys are per engine run, so the map is rebuilt on deploy.
 */
@Component
public class FormCatalog {

    private final Map<String, JsonNode> schemasById = new ConcurrentHashMap<>();
    private final Map<Long, String> idsByKey = new ConcurrentHashMap<>();

    void register(String formId, JsonNode schema) {
        schemasById.put(formId, schema);
    }

    void link(long formKey, String formId) {
        idsByKey.put(formKey, formId);
    }

    public Optional<JsonNode> schema(String formId) {
        return Optional.ofNullable(formId).map(schemasById::get);
    }

    /** The form id named by a user task's form key header ("12345" or a legacy "camunda-forms:bpmn:id"). */
    public Optional<String> formIdForKey(String formKeyHeader) {
        if (formKeyHeader == null || formKeyHeader.isBlank()) {
            return Optional.empty();
        }
        if (formKeyHeader.startsWith("camunda-forms:bpmn:")) {
            return Optional.of(formKeyHeader.substring("camunda-forms:bpmn:".length()));
        }
        try {
            return Optional.ofNullable(idsByKey.get(Long.parseLong(formKeyHeader.trim())));
        } catch (NumberFormatException e) {
            return Optional.of(formKeyHeader);
        }
    }
}
