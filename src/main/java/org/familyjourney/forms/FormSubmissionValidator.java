package org.familyjourney.forms;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.familyjourney.web.FieldProblem;
import org.familyjourney.web.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * Checks a task submission against its Camunda form on the server, never trusting the browser:
 * required fields, types, ranges, lengths, patterns, allowed options, dynamic-list rows. Only the
 * fields the form defines pass on to the engine, so a crafted request cannot set other variables.
 */
@Component
public class FormSubmissionValidator {

    private static final Set<String> LAYOUT = Set.of("text", "html", "image", "spacer", "separator", "button",
            "iframe", "table", "documentPreview", "expression", "filepicker");

    private static final ZoneId UK = ZoneId.of("Europe/London");

    private final FeelEngineApi feel = FeelEngineBuilder.forJava().build();
    private final Clock clock;

    FormSubmissionValidator(Clock clock) {
        this.clock = clock;
    }

    /** The submitted values the form allows, checked; throws with every problem at once. */
    public Map<String, Object> validate(JsonNode form, Map<String, Object> submitted, Map<String, Object> context) {
        Map<String, Object> values = submitted == null ? Map.of() : submitted;
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, Object> accepted = new LinkedHashMap<>();
        Map<String, Object> scope = new HashMap<>(context);
        scope.putAll(values);
        walk(form.path("components"), values, scope, "", accepted, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return accepted;
    }

    private void walk(JsonNode components, Map<String, Object> values, Map<String, Object> scope, String prefix,
                      Map<String, Object> accepted, List<FieldProblem> problems) {
        for (JsonNode component : components) {
            String type = component.path("type").asText();
            if (LAYOUT.contains(type) || hidden(component, scope)) {
                continue;
            }
            if ("group".equals(type)) {
                walk(component.path("components"), values, scope, prefix, accepted, problems);
                continue;
            }
            String key = component.path("dynamiclist".equals(type) ? "path" : "key").asText(null);
            if (key == null || key.isBlank()) {
                continue;
            }
            Object value = values.get(key);
            String field = prefix + key;
            Object checked = "dynamiclist".equals(type)
                    ? rows(component, value, field, scope, problems)
                    : FieldRules.check(component, type, value, field, scope, LocalDate.now(clock.withZone(UK)), problems);
            if (checked != null) {
                accepted.put(key, checked);
            }
        }
    }

    private Object rows(JsonNode list, Object value, String field, Map<String, Object> scope, List<FieldProblem> problems) {
        if (value == null) {
            if (list.path("validate").path("required").asBoolean(false)) {
                problems.add(new FieldProblem(field, "needs at least one row"));
            }
            return null;
        }
        if (!(value instanceof List<?> rows)) {
            problems.add(new FieldProblem(field, "must be a list of rows"));
            return null;
        }
        if (rows.size() > 200) {
            problems.add(new FieldProblem(field, "can have at most 200 rows"));
            return null;
        }
        List<Map<String, Object>> accepted = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (!(rows.get(i) instanceof Map<?, ?> row)) {
                problems.add(new FieldProblem(field + "[" + i + "]", "must be a row of fields"));
                continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> rowValues = (Map<String, Object>) row;
            Map<String, Object> rowScope = new HashMap<>(scope);
            rowScope.putAll(rowValues);
            Map<String, Object> acceptedRow = new LinkedHashMap<>();
            walk(list.path("components"), rowValues, rowScope, field + "[" + i + "].", acceptedRow, problems);
            accepted.add(acceptedRow);
        }
        return accepted;
    }

    private boolean hidden(JsonNode component, Map<String, Object> scope) {
        String hide = component.path("conditional").path("hide").asText("");
        if (hide.isBlank()) {
            return false;
        }
        EvaluationResult result = feel.evaluateExpression(hide.startsWith("=") ? hide.substring(1) : hide, scope);
        return result.isSuccess() && Boolean.TRUE.equals(result.result());
    }
}
