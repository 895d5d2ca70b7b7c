package org.familyjourney.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.familyjourney.casework.CaseRegister;
import org.familyjourney.casework.FamilyCase;
import org.familyjourney.processes.ProcessCatalog;
import org.familyjourney.processes.ProcessIds;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The process versions a case ran on: the family journey (each reopening may be on a newer one) and
 * the called processes its tasks came from (safeguarding, school meetings, onward referrals).
 */
@Component
class CaseProcesses {

    record Ran(long engineGeneration, long definitionKey, String bpmnProcessId, int version) {
    }

    private final JdbcTemplate jdbc;
    private final CaseRegister cases;
    private final ProcessCatalog catalog;

    CaseProcesses(JdbcTemplate jdbc, CaseRegister cases, ProcessCatalog catalog) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.catalog = catalog;
    }

    /** The family journey's version first (the latest run), then the called processes. */
    List<Ran> of(String reference) {
        List<Ran> ran = new ArrayList<>(jdbc.query("""
                SELECT t.engine_generation, t.process_definition_key, t.bpmn_process_id, COALESCE(v.version, 0) AS version,
                       MAX(t.created_at) AS last_used
                FROM user_task t LEFT JOIN process_version v
                  ON v.engine_generation = t.engine_generation AND v.process_definition_key = t.process_definition_key
                WHERE t.case_reference = ?
                GROUP BY t.engine_generation, t.process_definition_key, t.bpmn_process_id, v.version
                ORDER BY CASE WHEN t.bpmn_process_id = ? THEN 0 ELSE 1 END, last_used DESC""",
                (rs, row) -> new Ran(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4)),
                reference, ProcessIds.FAMILY_JOURNEY));
        if (ran.stream().noneMatch(r -> r.bpmnProcessId().equals(ProcessIds.FAMILY_JOURNEY))) {
            mainBeforeAnyTask(reference).ifPresent(main -> ran.addFirst(main));
        }
        // One diagram per process: the newest version each ran on.
        List<Ran> distinct = new ArrayList<>();
        for (Ran r : ran) {
            if (distinct.stream().noneMatch(d -> d.bpmnProcessId().equals(r.bpmnProcessId()))) {
                distinct.add(r);
            }
        }
        return distinct;
    }

    private Optional<Ran> mainBeforeAnyTask(String reference) {
        FamilyCase familyCase = cases.find(reference);
        if (familyCase.engineGeneration() == null) {
            return Optional.empty();
        }
        return catalog.latest(familyCase.engineGeneration(), ProcessIds.FAMILY_JOURNEY)
                .map(v -> new Ran(familyCase.engineGeneration(), v.definitionKey(), v.bpmnProcessId(), v.version()));
    }
}
