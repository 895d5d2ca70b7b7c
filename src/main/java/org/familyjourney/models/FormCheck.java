package org.familyjourney.models;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** The check a form of forms/ passes before it is deployed: JSON, its id unchanged, components the tasklist can draw. */
@Component
public class FormCheck {

    private final ObjectMapper json;

    FormCheck(ObjectMapper json) {
        this.json = json;
    }

    public record Checked(String content, List<ModelProblem> problems) {
        public boolean passed() {
            return problems.isEmpty();
        }
    }

    public Checked check(String formId, byte[] upload) {
        String content = ModelUpload.text(upload, "form");
        JsonNode schema;
        try {
            schema = json.readTree(content);
        } catch (JsonProcessingException e) {
            throw new ModelRejected(HttpStatus.BAD_REQUEST, "The form is not valid JSON (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + "): " + e.getOriginalMessage());
        }
        if (schema == null || !schema.isObject()) {
            throw new ModelRejected(HttpStatus.BAD_REQUEST, "This is not a form: a form is a JSON object with an id and components.");
        }
        List<ModelProblem> problems = new ArrayList<>();
        String id = schema.path("id").asText("");
        if (id.isBlank()) {
            problems.add(new ModelProblem("", "", ModelProblem.PROCESS_ID, "The form has no id; it must stay '" + formId + "'."));
        } else if (!id.equals(formId)) {
            problems.add(new ModelProblem(id, "", ModelProblem.PROCESS_ID, "The form id must stay '" + formId + "' (this form has '" + id
                    + "'): the diagrams link their forms by it."));
        }
        JsonNode components = schema.path("components");
        if (!components.isArray() || components.isEmpty()) {
            problems.add(new ModelProblem(id, "", ModelProblem.FORM, "The form has no components: add at least one field."));
        } else {
            components(components, new HashSet<>(), problems);
        }
        return new Checked(content, List.copyOf(problems));
    }

    private static void components(JsonNode components, Set<String> keys, List<ModelProblem> problems) {
        for (JsonNode component : components) {
            String componentId = component.path("id").asText("");
            String label = component.path("label").asText("");
            if (component.path("type").asText("").isBlank()) {
                problems.add(new ModelProblem(componentId, label, ModelProblem.FORM, "A component has no type."));
            }
            String key = component.path("key").asText("");
            if (!key.isBlank() && !keys.add(key)) {
                problems.add(new ModelProblem(componentId, label, ModelProblem.FORM, "Two fields share the key '" + key
                        + "'; each answer needs its own key."));
            }
            if (component.path("components").isArray()) {
                components(component.path("components"), keys, problems);
            }
        }
    }
}
