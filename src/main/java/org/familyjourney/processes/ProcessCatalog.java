package org.familyjourney.processes;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.FlowElement;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.familyjourney.engine.EngineGeneration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The process versions deployed to the engine, with their XML, kept in MySQL. Jobs name only an
 * element id and a definition key; this turns them into the names a practitioner reads.
 */
@Component
public class ProcessCatalog {

    private final JdbcTemplate jdbc;
    private final EngineGeneration generation;
    private final Clock clock;
    private final Map<Long, Map<String, String>> namesByDefinition = new ConcurrentHashMap<>();

    ProcessCatalog(JdbcTemplate jdbc, EngineGeneration generation, Clock clock) {
        this.jdbc = jdbc;
        this.generation = generation;
        this.clock = clock;
    }

    public record ProcessVersion(long definitionKey, String bpmnProcessId, int version, String resourceName) {
    }

    public void recordDeployed(long definitionKey, String bpmnProcessId, int version, String resourceName, byte[] xml) {
        jdbc.update("""
                INSERT IGNORE INTO process_version
                    (engine_generation, process_definition_key, bpmn_process_id, version, resource_name, deployed_at, xml)
                VALUES (?, ?, ?, ?, ?, ?, ?)""",
                generation.current(), definitionKey, bpmnProcessId, version, resourceName,
                Timestamp.from(clock.instant()), new String(xml, StandardCharsets.UTF_8));
    }

    /** The name of an element as drawn in the diagram, or its id when it has none. */
    public String elementName(long definitionKey, String elementId) {
        String name = namesByDefinition.computeIfAbsent(definitionKey, this::loadNames).get(elementId);
        return name == null || name.isBlank() ? elementId : name.replaceAll("\\s+", " ").strip();
    }

    public List<ProcessVersion> versions() {
        return jdbc.query("""
                SELECT process_definition_key, bpmn_process_id, version, resource_name FROM process_version
                WHERE engine_generation = ? ORDER BY bpmn_process_id, version""",
                (rs, row) -> new ProcessVersion(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4)),
                generation.current());
    }

    private Map<String, String> loadNames(long definitionKey) {
        List<String> xml = jdbc.queryForList(
                "SELECT xml FROM process_version WHERE engine_generation = ? AND process_definition_key = ?",
                String.class, generation.current(), definitionKey);
        Map<String, String> names = new HashMap<>();
        if (!xml.isEmpty()) {
            BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(xml.getFirst().getBytes(StandardCharsets.UTF_8)));
            for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
                if (element.getName() != null) {
                    names.put(element.getId(), element.getName());
                }
            }
        }
        return names;
    }
}
