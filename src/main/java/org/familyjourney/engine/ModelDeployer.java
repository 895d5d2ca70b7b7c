package org.familyjourney.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.DeployResourceCommandStep1.DeployResourceCommandStep2;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.api.response.Form;
import io.camunda.client.api.response.Process;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.familyjourney.journey.JourneyLog;
import org.familyjourney.models.CurrentModels;
import org.familyjourney.models.ModelKind;
import org.familyjourney.processes.ProcessCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Deploys the current version of every model of bpmn/ and forms/ ({@link CurrentModels}: the newest
 * a manager deployed, or the packaged file) when the app starts, before it serves anyone, and the
 * versions managers deploy later. Resource names are the file names, so the engine sees an unchanged
 * model as the same version; all models go in one deployment, so a broken one deploys none.
 */
@Component
public class ModelDeployer implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(ModelDeployer.class);

    private final CamundaClient client;
    private final FormCatalog forms;
    private final ProcessCatalog processes;
    private final ObjectMapper json;
    private final CurrentModels current;

    ModelDeployer(CamundaClient client, FormCatalog forms, ProcessCatalog processes, ObjectMapper json, CurrentModels current) {
        this.client = client;
        this.forms = forms;
        this.processes = processes;
        this.json = json;
        this.current = current;
    }

    @Override
    public void afterPropertiesSet() {
        deploy();
    }

    /** Deploys the current models; again after the embedded engine was replaced by a fresh one. */
    public void deploy() {
        deploy(current.atStartUp(), JourneyLog.SYSTEM, "at start-up");
    }

    /**
     * Deploys models in one deployment (a broken one deploys none), makes their forms known to the
     * tasklist and records each process version; who deployed it and why go into the journey log.
     */
    public DeploymentEvent deploy(List<CurrentModels.Model> models, String deployedBy, String comment) {
        if (models.isEmpty()) {
            throw new IllegalStateException("No models found under models/bpmn and models/forms");
        }
        Map<String, CurrentModels.Model> byResource = new LinkedHashMap<>();
        DeployResourceCommandStep2 deploy = null;
        for (CurrentModels.Model model : models) {
            byResource.put(model.resourceName(), model);
            if (model.kind() == ModelKind.FORM) {
                registerForm(model.bytes());
            }
            deploy = deploy == null
                    ? client.newDeployResourceCommand().addResourceBytes(model.bytes(), model.resourceName())
                    : deploy.addResourceBytes(model.bytes(), model.resourceName());
        }
        // A cold engine on a busy machine can take a while over the first deployment: be patient with it.
        DeploymentEvent deployed = deploy.requestTimeout(Duration.ofMinutes(2)).send().join();
        for (Form form : deployed.getForm()) {
            forms.link(form.getFormKey(), form.getFormId());
        }
        for (Process process : deployed.getProcesses()) {
            CurrentModels.Model model = byResource.get(process.getResourceName());
            processes.recordDeployed(process.getProcessDefinitionKey(), process.getBpmnProcessId(), process.getVersion(),
                    process.getResourceName(), model.bytes(), deployedBy,
                    Map.of("modelVersion", model.version(), "comment", comment));
            log.info("Process {} is at version {} (our version {})", process.getBpmnProcessId(), process.getVersion(), model.version());
        }
        return deployed;
    }

    private void registerForm(byte[] content) {
        try {
            JsonNode schema = json.readTree(content);
            forms.register(schema.path("id").asText(), schema);
        } catch (IOException e) {
            throw new UncheckedIOException("A form in forms/ is not valid JSON", e);
        }
    }
}
