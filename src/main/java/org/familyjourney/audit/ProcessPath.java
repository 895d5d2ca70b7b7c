package org.familyjourney.audit;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.familyjourney.journey.JourneyLog;
import org.familyjourney.processes.ProcessCatalog;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The diagrams of the process versions a case ran on, with the path it took: the elements it has
 * passed (completed tasks, and every step the journey log names) and those it is at now (open
 * tasks). The page draws them with bpmn-js and marks those elements.
 */
@Component
class ProcessPath {

    record Diagram(String bpmnProcessId, int version, String xml, List<String> completed, List<String> active) {
    }

    private final CaseProcesses processes;
    private final ProcessCatalog catalog;
    private final JourneyLog journey;
    private final JdbcTemplate jdbc;

    ProcessPath(CaseProcesses processes, ProcessCatalog catalog, JourneyLog journey, JdbcTemplate jdbc) {
        this.processes = processes;
        this.catalog = catalog;
        this.journey = journey;
        this.jdbc = jdbc;
    }

    /** Call only for a case the person may read; the caller logs the view. */
    List<Diagram> of(String reference) {
        Set<String> logged = new LinkedHashSet<>();
        journey.of(reference).forEach(e -> {
            if (e.step() != null) {
                logged.add(e.step());
            }
        });
        List<Diagram> diagrams = new ArrayList<>();
        for (CaseProcesses.Ran ran : processes.of(reference)) {
            String xml = catalog.xml(ran.engineGeneration(), ran.definitionKey()).orElse(null);
            if (xml == null) {
                continue;
            }
            Set<String> completed = new LinkedHashSet<>(tasks(reference, ran, "COMPLETED"));
            // Steps the log names are of any process of the case; the page marks only those its diagram has.
            completed.addAll(logged);
            List<String> active = tasks(reference, ran, "OPEN");
            completed.removeAll(active);
            diagrams.add(new Diagram(ran.bpmnProcessId(), ran.version(), xml, List.copyOf(completed), active));
        }
        return diagrams;
    }

    private List<String> tasks(String reference, CaseProcesses.Ran ran, String state) {
        return jdbc.queryForList("""
                SELECT DISTINCT element_id FROM user_task
                WHERE case_reference = ? AND bpmn_process_id = ? AND state = ?""", String.class,
                reference, ran.bpmnProcessId(), state);
    }
}
