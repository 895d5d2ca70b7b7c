package org.familyjourney.recovery;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.Process;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.TimeDate;
import io.camunda.zeebe.model.bpmn.instance.TimerEventDefinition;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.familyjourney.engine.EngineGeneration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The process versions open instances of an earlier engine run were on, on the new engine. A
 * version with the same XML as one the new run deployed is that one; another is deployed from its
 * stored XML. Zeebe makes the last deployed content of a process id its latest version (the one new
 * referrals start on), so once old versions are deployed the current model is deployed again last.
 */
class RecoveredVersions {

    private static final Logger log = LoggerFactory.getLogger(RecoveredVersions.class);
    private static final Pattern VARIABLE = Pattern.compile("^=\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*$");

    private record Stored(long key, String bpmnProcessId, int version, String resourceName, String xml) {
    }

    private final CamundaClient client;
    private final EngineGeneration generation;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Map<String, Long> keys = new HashMap<>();
    private final Map<String, Map<String, String>> timerVariables = new HashMap<>();
    private final Map<String, Stored> currentModels = new LinkedHashMap<>();

    RecoveredVersions(CamundaClient client, EngineGeneration generation, JdbcTemplate jdbc, Clock clock) {
        this.client = client;
        this.generation = generation;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Before recovery deploys anything: the latest version of each process on the new run is the current model. */
    void begin() {
        keys.clear();
        currentModels.clear();
        for (Stored model : stored("engine_generation = ? ORDER BY version", generation.current())) {
            currentModels.put(model.bpmnProcessId(), model);
        }
    }

    /** The new run's definition key for a version of an earlier run. */
    long definitionKey(long oldGeneration, long oldDefinitionKey) {
        return keys.computeIfAbsent(oldGeneration + ":" + oldDefinitionKey, id -> {
            Stored old = stored("engine_generation = ? AND process_definition_key = ?", oldGeneration, oldDefinitionKey)
                    .stream().findFirst().orElseThrow(() -> new IllegalStateException(
                            "No stored XML for process definition " + oldDefinitionKey + " of generation " + oldGeneration));
            Optional<Stored> same = stored("engine_generation = ? AND bpmn_process_id = ?", generation.current(), old.bpmnProcessId())
                    .stream().filter(model -> model.xml().equals(old.xml())).findFirst();
            return same.map(Stored::key).orElseGet(() -> deploy(old).key());
        });
    }

    /** Makes each model's current version the latest again, if an older one was deployed after it. */
    void end() {
        for (Stored current : currentModels.values()) {
            Stored latest = stored("engine_generation = ? AND bpmn_process_id = ? ORDER BY version DESC LIMIT 1",
                    generation.current(), current.bpmnProcessId()).getFirst();
            if (!latest.xml().equals(current.xml())) {
                Stored again = deploy(current);
                log.info("Process {} deployed again as version {} so new journeys start on the current model",
                        current.bpmnProcessId(), again.version());
            }
        }
    }

    /** The variable a timer's date comes from, when its timeDate is a plain "=variable" expression. */
    Optional<String> timerVariable(long oldGeneration, long oldDefinitionKey, String timerId) {
        Map<String, String> byTimer = timerVariables.computeIfAbsent(oldGeneration + ":" + oldDefinitionKey, id -> {
            Map<String, String> found = new HashMap<>();
            stored("engine_generation = ? AND process_definition_key = ?", oldGeneration, oldDefinitionKey).forEach(model -> {
                BpmnModelInstance bpmn = Bpmn.readModelFromStream(new ByteArrayInputStream(model.xml().getBytes(StandardCharsets.UTF_8)));
                for (TimerEventDefinition timer : bpmn.getModelElementsByType(TimerEventDefinition.class)) {
                    TimeDate date = timer.getTimeDate();
                    Matcher plain = date == null ? null : VARIABLE.matcher(date.getTextContent().strip());
                    if (plain != null && plain.matches()) {
                        found.put(timer.getParentElement().getAttributeValue("id"), plain.group(1));
                    }
                }
            });
            return found;
        });
        return Optional.ofNullable(byTimer.get(timerId));
    }

    private Stored deploy(Stored model) {
        Process deployed = client.newDeployResourceCommand()
                .addResourceBytes(model.xml().getBytes(StandardCharsets.UTF_8), model.resourceName())
                .requestTimeout(Duration.ofMinutes(1)).send().join().getProcesses().getFirst();
        jdbc.update("""
                INSERT IGNORE INTO process_version
                    (engine_generation, process_definition_key, bpmn_process_id, version, resource_name, deployed_at, xml)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", generation.current(), deployed.getProcessDefinitionKey(),
                deployed.getBpmnProcessId(), deployed.getVersion(), model.resourceName(), Timestamp.from(clock.instant()), model.xml());
        return new Stored(deployed.getProcessDefinitionKey(), deployed.getBpmnProcessId(), deployed.getVersion(),
                model.resourceName(), model.xml());
    }

    private List<Stored> stored(String where, Object... arguments) {
        return jdbc.query("SELECT process_definition_key, bpmn_process_id, version, resource_name, xml FROM process_version WHERE " + where,
                (rs, row) -> new Stored(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5)), arguments);
    }
}
