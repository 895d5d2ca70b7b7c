package org.familyjourney.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.DeployResourceCommandStep1.DeployResourceCommandStep2;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.api.response.Form;
import io.camunda.client.api.response.Process;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.familyjourney.processes.ProcessCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys every model of bpmn/ and forms/ (packaged under models/) when the app starts, before it
 * serves anyone. Resource names are the file names, so the engine sees an unchanged file as the
 * same version; all files go in one deployment, so a broken one deploys none.
 */
@Component
public class ModelDeployer implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(ModelDeployer.class);

    private final CamundaClient client;
    private final FormCatalog forms;
    private final ProcessCatalog processes;
    private final ObjectMapper json;

    ModelDeployer(CamundaClient client, FormCatalog forms, ProcessCatalog processes, ObjectMapper json) {
        this.client = client;
        this.forms = forms;
        this.processes = processes;
        this.json = json;
    }

    @Override
    public void afterPropertiesSet() {
        deploy();
    }

    /** Deploys the packaged models; again after the embedded engine was replaced by a fresh one. */
    public void deploy() {
        Map<String, byte[]> contents = new LinkedHashMap<>();
        DeployResourceCommandStep2 deploy = null;
        for (Resource model : models()) {
            byte[] content = read(model);
            contents.put(model.getFilename(), content);
            if (model.getFilename().endsWith(".form")) {
                registerForm(content);
            }
            deploy = deploy == null
                    ? client.newDeployResourceCommand().addResourceBytes(content, model.getFilename())
                    : deploy.addResourceBytes(content, model.getFilename());
        }
        if (deploy == null) {
            throw new IllegalStateException("No models found under models/bpmn and models/forms");
        }
        // A cold engine on a busy machine can take a while over the first deployment: be patient with it.
        DeploymentEvent deployed = deploy.requestTimeout(Duration.ofMinutes(2)).send().join();
        for (Form form : deployed.getForm()) {
            forms.link(form.getFormKey(), form.getFormId());
        }
        for (Process process : deployed.getProcesses()) {
            processes.recordDeployed(process.getProcessDefinitionKey(), process.getBpmnProcessId(), process.getVersion(),
                    process.getResourceName(), contents.get(process.getResourceName()));
            log.info("Process {} is at version {}", process.getBpmnProcessId(), process.getVersion());
        }
    }

    private void registerForm(byte[] content) {
        try {
            JsonNode schema = json.readTree(content);
            forms.register(schema.path("id").asText(), schema);
        } catch (IOException e) {
            throw new UncheckedIOException("A form in forms/ is not valid JSON", e);
        }
    }

    private static List<Resource> models() {
        try {
            var resolver = new PathMatchingResourcePatternResolver();
            List<Resource> found = new ArrayList<>();
            found.addAll(Arrays.asList(resolver.getResources("classpath*:models/forms/*.form")));
            found.addAll(Arrays.asList(resolver.getResources("classpath*:models/bpmn/*.bpmn")));
            found.sort(Comparator.comparing((Resource r) -> !r.getFilename().endsWith(".form"))
                    .thenComparing(Resource::getFilename));
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list the packaged models", e);
        }
    }

    private static byte[] read(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read model " + resource.getFilename(), e);
        }
    }
}
