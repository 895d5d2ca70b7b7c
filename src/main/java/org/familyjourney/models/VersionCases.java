package org.familyjourney.models;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.familyjourney.processes.ProcessCatalog;
import org.familyjourney.processes.ProcessIds;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which open cases run on which logical version of a process. A case's version is the one its
 * latest task of that process came from; engine versions (per engine run) map to our versions by
 * checksum, taking the newest of our versions with that content deployed before the engine's.
 */
@Component
class VersionCases {

    private final JdbcTemplate jdbc;
    private final ModelVersions versions;

    VersionCases(JdbcTemplate jdbc, ModelVersions versions) {
        this.jdbc = jdbc;
        this.versions = versions;
    }

    private record EngineVersion(long generation, long definitionKey, Instant deployedAt, String sha256) {
    }

    /** An open case on a logical version of the process, with the engine instance it runs as. */
    record RunningCase(String reference, int version, long generation, long definitionKey, long instanceKey) {
    }

    /** Our version number to the references of the open cases on it, oldest case first. */
    Map<Integer, List<String>> of(String processId) {
        Map<Integer, List<String>> cases = new HashMap<>();
        running(processId).forEach(c -> cases.computeIfAbsent(c.version(), v -> new ArrayList<>()).add(c.reference()));
        return cases;
    }

    List<RunningCase> running(String processId) {
        List<ModelVersion> ours = versions.of(ModelKind.BPMN, processId);
        Map<String, Integer> versionByEngine = new HashMap<>();
        for (EngineVersion engine : engineVersions(processId)) {
            logical(engine, ours).ifPresent(v -> versionByEngine.put(engine.generation() + ":" + engine.definitionKey(), v));
        }
        // A called process counts while its task is open; the family journey for as long as the case is open.
        boolean main = ProcessIds.FAMILY_JOURNEY.equals(processId);
        List<RunningCase> running = new ArrayList<>();
        jdbc.query("""
                SELECT t.case_reference, t.engine_generation, t.process_definition_key, t.process_instance_key
                FROM user_task t JOIN family_case c ON c.reference = t.case_reference
                WHERE t.bpmn_process_id = ? AND c.status NOT IN ('DECLINED', 'SIGNPOSTED', 'STEPPED_UP', 'CLOSED')
                  AND (? OR t.state IN ('OPEN', 'COMPLETING'))
                  AND t.id = (SELECT MAX(l.id) FROM user_task l WHERE l.case_reference = t.case_reference AND l.bpmn_process_id = t.bpmn_process_id)
                ORDER BY c.opened_at""",
                rs -> {
                    Integer version = versionByEngine.get(rs.getLong(2) + ":" + rs.getLong(3));
                    if (version != null) {
                        running.add(new RunningCase(rs.getString(1), version, rs.getLong(2), rs.getLong(3), rs.getLong(4)));
                    }
                }, processId, main);
        return running;
    }

    private List<EngineVersion> engineVersions(String processId) {
        return jdbc.query("SELECT engine_generation, process_definition_key, deployed_at, xml FROM process_version WHERE bpmn_process_id = ?",
                (rs, row) -> new EngineVersion(rs.getLong(1), rs.getLong(2), toInstant(rs.getTimestamp(3)), ProcessCatalog.sha256(rs.getString(4))),
                processId);
    }

    private static Optional<Integer> logical(EngineVersion engine, List<ModelVersion> ours) {
        List<ModelVersion> same = ours.stream().filter(v -> v.sha256().equals(engine.sha256())).toList();
        return same.stream().filter(v -> !v.deployedAt().isAfter(engine.deployedAt())).max(Comparator.comparingInt(ModelVersion::version))
                .or(() -> same.stream().min(Comparator.comparingInt(ModelVersion::version)))
                .map(ModelVersion::version);
    }

    private static Instant toInstant(Timestamp timestamp) {
        return timestamp.toInstant();
    }
}
