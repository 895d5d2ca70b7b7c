package org.familyjourney.models;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.familyjourney.engine.EngineGeneration;
import org.familyjourney.journey.JourneyKind;
import org.familyjourney.journey.JourneyLog;
import org.familyjourney.processes.ProcessCatalog;
import org.familyjourney.web.ConflictException;
import org.familyjourney.web.InvalidInputException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Moves the running cases of an older version of a process onto the version in service (Zeebe's
 * process instance migration, which the embedded engine supports too). Every element that exists
 * in both versions, with the same id and type, maps to itself; the engine refuses an instance whose
 * open step is gone or changed type, and the report says so for that case, which stays as it was.
 */
@Service
public class ProcessMigration {

    public record Outcome(String caseReference, long processInstanceKey, boolean migrated, String reason) {
    }

    public record Report(String processId, int fromVersion, int toVersion, List<Outcome> outcomes) {
        public long migrated() {
            return outcomes.stream().filter(Outcome::migrated).count();
        }
    }

    private final CamundaClient client;
    private final CurrentModels current;
    private final VersionCases cases;
    private final ProcessCatalog catalog;
    private final EngineGeneration generation;
    private final JdbcTemplate jdbc;
    private final JourneyLog journey;

    ProcessMigration(CamundaClient client, CurrentModels current, VersionCases cases, ProcessCatalog catalog,
                     EngineGeneration generation, JdbcTemplate jdbc, JourneyLog journey) {
        this.client = client;
        this.current = current;
        this.cases = cases;
        this.catalog = catalog;
        this.generation = generation;
        this.jdbc = jdbc;
        this.journey = journey;
    }

    /** Migrates the open cases on fromVersion (only those named, when cases is not empty). */
    public Report migrate(String processId, int fromVersion, java.util.Collection<String> only, String by) {
        CurrentModels.Model inService = current.current(ModelKind.BPMN, processId)
                .orElseThrow(() -> new org.familyjourney.web.NotFoundException("There is no process '" + processId + "'."));
        if (fromVersion >= inService.version()) {
            throw new InvalidInputException("fromVersion", "Choose a version older than " + inService.version() + ", the one in service.");
        }
        ProcessCatalog.ProcessVersion target = catalog.latest(generation.current(), processId)
                .filter(v -> catalog.xml(generation.current(), v.definitionKey()).map(ProcessCatalog::sha256)
                        .orElse("").equals(ProcessCatalog.sha256(inService.content())))
                .orElseThrow(() -> new ConflictException("The engine's newest " + processId + " is not version " + inService.version()
                        + "; deploy it again, then migrate."));
        BpmnModelInstance targetModel = read(inService.content());
        List<Outcome> outcomes = new ArrayList<>();
        for (VersionCases.RunningCase running : cases.running(processId)) {
            if (running.version() == fromVersion && (only.isEmpty() || only.contains(running.reference()))) {
                outcomes.add(migrate(running, target, targetModel, fromVersion, inService.version(), by));
            }
        }
        return new Report(processId, fromVersion, inService.version(), outcomes);
    }

    private Outcome migrate(VersionCases.RunningCase running, ProcessCatalog.ProcessVersion target, BpmnModelInstance targetModel,
                            int from, int to, String by) {
        if (!generation.isCurrent(running.generation())) {
            return new Outcome(running.reference(), running.instanceKey(), false,
                    "It runs in an earlier engine run (the app restarted since), which the engine no longer holds.");
        }
        var source = catalog.xml(running.generation(), running.definitionKey()).map(ProcessMigration::read).orElseThrow();
        var command = client.newMigrateProcessInstanceCommand(running.instanceKey()).migrationPlan(target.definitionKey());
        Map<String, String> types = new HashMap<>();
        targetModel.getModelElementsByType(FlowNode.class).forEach(n -> types.put(n.getId(), n.getElementType().getTypeName()));
        io.camunda.client.api.command.MigrateProcessInstanceCommandStep1.MigrateProcessInstanceCommandFinalStep plan = null;
        for (FlowNode node : source.getModelElementsByType(FlowNode.class)) {
            if (node.getElementType().getTypeName().equals(types.get(node.getId()))) {
                plan = plan == null ? command.addMappingInstruction(node.getId(), node.getId()) : plan.addMappingInstruction(node.getId(), node.getId());
            }
        }
        if (plan == null) {
            return new Outcome(running.reference(), running.instanceKey(), false, "The two versions have no step in common.");
        }
        try {
            plan.requestTimeout(Duration.ofSeconds(30)).send().join();
        } catch (ClientStatusException e) {
            return new Outcome(running.reference(), running.instanceKey(), false, "The engine refused: " + e.getMessage());
        }
        // The tasklist's open tasks of this instance now belong to the new version (and take its step names).
        jdbc.queryForList("""
                SELECT id, element_id FROM user_task WHERE engine_generation = ? AND process_instance_key = ? AND state IN ('OPEN', 'COMPLETING')""",
                running.generation(), running.instanceKey())
                .forEach(task -> jdbc.update("UPDATE user_task SET process_definition_key = ?, name = ? WHERE id = ?", target.definitionKey(),
                        catalog.elementName(target.definitionKey(), (String) task.get("element_id")), task.get("id")));
        journey.record(running.reference(), JourneyKind.CASE_UPDATED, target.bpmnProcessId(), by,
                "Moved from version " + from + " to version " + to + " of " + target.bpmnProcessId(),
                Map.of("processId", target.bpmnProcessId(), "fromVersion", from, "toVersion", to,
                        "processInstanceKey", running.instanceKey(), "processDefinitionKey", target.definitionKey()));
        return new Outcome(running.reference(), running.instanceKey(), true, "");
    }

    private static BpmnModelInstance read(String xml) {
        return Bpmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
