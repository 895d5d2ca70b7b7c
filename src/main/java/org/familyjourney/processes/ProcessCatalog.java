package org.familyjourney.processes;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.FlowElement;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.familyjourney.engine.EngineGeneration;
import org.familyjourney.journey.JourneyKind;
import org.familyjourney.journey.JourneyLog;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The process versions deployed to the engine, with their XML, kept in MySQL. Jobs name only an
 * element id and a definition key; this turns them into the names a practitioner reads.
 */
@Component
public class ProcessCatalog {

    private final JdbcTemplate jdbc;
    private final EngineGeneration generation;
    private final Clock clock;
    private final JourneyLog journey;
    private final Map<Long, Map<String, String>> namesByDefinition = new ConcurrentHashMap<>();

    ProcessCatalog(JdbcTemplate jdbc, EngineGeneration generation, Clock clock, JourneyLog journey) {
        this.jdbc = jdbc;
        this.generation = generation;
        this.clock = clock;
        this.journey = journey;
    }

    public record ProcessVersion(long definitionKey, String bpmnProcessId, int version, String resourceName) {
    }

    /**
     * Stores a deployed version. When its model differs from the one deployed before it (by any engine
     * run), the journey log records the change of procedure, so auditors see from when it applied. The
     * embedded engine numbers each run's first deployment 1, so "new" means new content, not a number.
     */
    @Transactional
    public void recordDeployed(long definitionKey, String bpmnProcessId, int version, String resourceName, byte[] xml) {
        recordDeployed(definitionKey, bpmnProcessId, version, resourceName, xml, JourneyLog.SYSTEM, Map.of());
    }

    /** As above, naming who deployed it, with more details for the journey log (our version, the comment). */
    @Transactional
    public void recordDeployed(long definitionKey, String bpmnProcessId, int version, String resourceName, byte[] xml,
                               String deployedBy, Map<String, Object> moreDetails) {
        String model = new String(xml, StandardCharsets.UTF_8);
        List<String> before = jdbc.queryForList("""
                SELECT xml FROM process_version WHERE bpmn_process_id = ?
                ORDER BY engine_generation DESC, version DESC LIMIT 1""", String.class, bpmnProcessId);
        int stored = jdbc.update("""
                INSERT IGNORE INTO process_version
                    (engine_generation, process_definition_key, bpmn_process_id, version, resource_name, deployed_at, xml)
                VALUES (?, ?, ?, ?, ?, ?, ?)""",
                generation.current(), definitionKey, bpmnProcessId, version, resourceName,
                Timestamp.from(clock.instant()), model);
        if (stored == 1 && (before.isEmpty() || !before.getFirst().equals(model))) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("bpmnProcessId", bpmnProcessId);
            details.put("version", version);
            details.put("processDefinitionKey", definitionKey);
            details.put("engineGeneration", generation.current());
            details.put("resourceName", resourceName);
            details.put("sha256", sha256(model));
            details.put("previousSha256", before.isEmpty() ? "none" : sha256(before.getFirst()));
            details.putAll(moreDetails);
            journey.record(null, JourneyKind.PROCESS_DEPLOYED, bpmnProcessId, deployedBy,
                    "Process " + bpmnProcessId + " version " + version + " deployed (" + resourceName + ")", details);
        }
    }

    /** The XML of a version as deployed in an engine run, to draw it as it was when a case ran on it. */
    public Optional<String> xml(long engineGeneration, long definitionKey) {
        return jdbc.queryForList("SELECT xml FROM process_version WHERE engine_generation = ? AND process_definition_key = ?",
                String.class, engineGeneration, definitionKey).stream().findFirst();
    }

    /** The version a definition key stands for in an engine run. */
    public Optional<ProcessVersion> version(long engineGeneration, long definitionKey) {
        return jdbc.query("""
                SELECT process_definition_key, bpmn_process_id, version, resource_name FROM process_version
                WHERE engine_generation = ? AND process_definition_key = ?""",
                (rs, row) -> new ProcessVersion(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4)),
                engineGeneration, definitionKey).stream().findFirst();
    }

    /** The latest version of a process deployed in an engine run. */
    public Optional<ProcessVersion> latest(long engineGeneration, String bpmnProcessId) {
        return jdbc.query("""
                SELECT process_definition_key, bpmn_process_id, version, resource_name FROM process_version
                WHERE engine_generation = ? AND bpmn_process_id = ? ORDER BY version DESC LIMIT 1""",
                (rs, row) -> new ProcessVersion(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4)),
                engineGeneration, bpmnProcessId).stream().findFirst();
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

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
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
