package org.familyjourney.journey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * The text inputs of the form a case's task step was answered on, for splitting its old answers as
 * TaskJourney does. Read while migrating, before the app has deployed a form: from every version
 * recorded in model_version and the forms packaged in the jar (a database last run before V70 has
 * none recorded yet). A field that was a text input in any version counts, so nothing typed stays hashed.
 */
final class TaskFormTextFields {

    private final Map<String, Set<String>> byForm;
    private final Map<String, Set<String>> formsByStep;
    private final Set<String> ofEveryForm = new HashSet<>();

    private TaskFormTextFields(Map<String, Set<String>> byForm, Map<String, Set<String>> formsByStep) {
        this.byForm = byForm;
        this.formsByStep = formsByStep;
        byForm.values().forEach(ofEveryForm::addAll);
    }

    static TaskFormTextFields read(JdbcTemplate owner, ObjectMapper json) {
        Map<String, Set<String>> byForm = new HashMap<>();
        for (String content : owner.queryForList("SELECT content FROM model_version WHERE kind = 'FORM'", String.class)) {
            add(byForm, json, content);
        }
        try {
            for (Resource form : new PathMatchingResourcePatternResolver().getResources("classpath*:models/forms/*.form")) {
                try (InputStream in = form.getInputStream()) {
                    add(byForm, json, new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("The packaged forms could not be read", e);
        }
        // Read once: a query per completed task would make a long journey slow to migrate.
        Map<String, Set<String>> formsByStep = new HashMap<>();
        owner.query("SELECT DISTINCT case_reference, element_id, form_id FROM user_task WHERE case_reference IS NOT NULL",
                (RowCallbackHandler) rs -> formsByStep.computeIfAbsent(step(rs.getString(1), rs.getString(2)), k -> new HashSet<>())
                        .add(rs.getString(3)));
        return new TaskFormTextFields(byForm, formsByStep);
    }

    private static String step(String caseReference, String elementId) {
        return caseReference + "\u001f" + elementId;
    }

    private static void add(Map<String, Set<String>> byForm, ObjectMapper json, String content) {
        try {
            JsonNode form = json.readTree(content);
            byForm.computeIfAbsent(form.path("id").asText(), id -> new HashSet<>()).addAll(FreeText.textFields(form));
        } catch (IOException notJson) {
            throw new IllegalStateException("A recorded form is not valid JSON", notJson);
        }
    }

    /**
     * The text inputs of the form(s) the case's tasks at that step used; when no task of the step is
     * recorded, those of every form, as it cannot be told which one it was.
     */
    Set<String> of(String caseReference, String step) {
        Set<String> forms = formsByStep.get(step(caseReference, step));
        if (forms == null) {
            return ofEveryForm;
        }
        Set<String> fields = new HashSet<>();
        forms.stream().filter(Objects::nonNull).forEach(form -> fields.addAll(byForm.getOrDefault(form, Set.of())));
        return fields;
    }
}
