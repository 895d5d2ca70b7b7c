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

    /**
     * The label a form gives one of a field's choices (GOOD_EDUCATION in action-plan's "domain" is
     * "Getting a good education (school attendance)"), so pages name recorded answers as the form
     * did; the value itself when the form has no such choice.
     */
    public String choiceLabel(String formId, String key, String value) {
        if (value == null) {
            return null;
        }
        return schema(formId).flatMap(schema -> choiceLabel(schema.path("components"), key, value)).orElse(value);
    }

    private static Optional<String> choiceLabel(JsonNode components, String key, String value) {
        for (JsonNode component : components) {
            if (key.equals(component.path("key").asText())) {
                for (JsonNode choice : component.path("values")) {
                    if (value.equals(choice.path("value").asText())) {
                        return Optional.of(choice.path("label").asText(value));
                    }
                }
            }
            Optional<String> nested = choiceLabel(component.path("components"), key, value);
            if (nested.isPresent()) {
                return nested;
            }
        }
        return Optional.empty();
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
