package org.familyjourney.audit;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.instance.FlowElement;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.familyjourney.processes.ProcessCatalog;
import org.springframework.stereotype.Component;

/** The names of the steps a case passed through, as drawn in the versions it ran on ("Triage referral"). */
@Component
class StepNames {

    private final CaseProcesses processes;
    private final ProcessCatalog catalog;
    private final Map<String, Map<String, String>> byVersion = new ConcurrentHashMap<>();

    StepNames(CaseProcesses processes, ProcessCatalog catalog) {
        this.processes = processes;
        this.catalog = catalog;
    }

    Map<String, String> of(String reference) {
        Map<String, String> names = new HashMap<>();
        for (CaseProcesses.Ran ran : processes.of(reference).reversed()) {
            names.putAll(byVersion.computeIfAbsent(ran.engineGeneration() + ":" + ran.definitionKey(), key -> load(ran)));
        }
        return names;
    }

    private Map<String, String> load(CaseProcesses.Ran ran) {
        Map<String, String> names = new HashMap<>();
        catalog.xml(ran.engineGeneration(), ran.definitionKey()).ifPresent(xml -> {
            var model = Bpmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
            for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
                if (element.getName() != null && !element.getName().isBlank()) {
                    names.put(element.getId(), element.getName().replaceAll("\\s+", " ").strip());
                }
            }
        });
        return names;
    }
}
