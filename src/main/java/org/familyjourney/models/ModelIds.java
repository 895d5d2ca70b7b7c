package org.familyjourney.models;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.instance.Process;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;

/** The id a model is known by: a diagram's (first) process id, a form's "id". */
@Component
class ModelIds {

    private final ObjectMapper json;

    ModelIds(ObjectMapper json) {
        this.json = json;
    }

    String of(ModelKind kind, String content, String fileName) {
        if (kind == ModelKind.FORM) {
            try {
                return json.readTree(content).path("id").asText();
            } catch (IOException e) {
                throw new IllegalStateException("The packaged form " + fileName + " is not valid JSON", e);
            }
        }
        return Bpmn.readModelFromStream(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)))
                .getModelElementsByType(Process.class).stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("The packaged diagram " + fileName + " has no process")).getId();
    }
}
