package org.familyjourney.team;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.familyjourney.processes.ProcessCatalog;
import org.familyjourney.processes.ProcessIds.JobTypes;
import org.familyjourney.security.Role;
import org.familyjourney.security.StaffDirectory;
import org.familyjourney.security.Teams;
import org.familyjourney.support.CaseWalk;
import org.familyjourney.support.TestApi;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * What the team tests make for themselves: workers of their own in priya's team North (so their rows on
 * her dashboard hold only their cases, and she may move their caseloads) and a step that fails for want of information - the real "Assign case to worker"
 * job in a small test process, started without the allocated worker, which the manager then supplies.
 */
final class TeamFixtures {

    static final String FAILING_PROCESS = "test-team-incident";
    static final String FAILING_STEP = "Task_AssignInTest";
    static final String NORTH = "North";
    private static final AtomicInteger WORKERS = new AtomicInteger();
    private static volatile boolean deployed;

    private TeamFixtures() {
    }

    /** A new family support worker in team North who can sign in with the demo password. */
    static String worker(StaffDirectory staff, Teams teams, PasswordEncoder passwords, String name) {
        String username = "tw" + (System.nanoTime() % 100_000) + "-" + WORKERS.incrementAndGet();
        staff.createIfAbsent(username, name, username + "@family-journey.example", passwords.encode(TestApi.PASSWORD), List.of(Role.WORKER));
        teams.place(username, NORTH);
        return username;
    }

    /** A case allocated to sol (team South), triaged and allocated by grace so that priya did no task on it. */
    static String allocatedInSouth(TestApi api) {
        return CaseWalk.allocatedBy(api, "grace", api.referFamily("grace"), "sol").reference;
    }

    /** Starts "Assign case to worker" for the case with no worker allocated: it fails twice and becomes an incident. */
    static long failingAssignment(CamundaClient client, ProcessCatalog catalog, String caseReference) {
        deployOnce(client, catalog);
        return client.newCreateInstanceCommand().bpmnProcessId(FAILING_PROCESS).latestVersion()
                .variables(Map.of("caseReference", caseReference)).send().join().getProcessInstanceKey();
    }

    /** Waits for the dashboard to show the case's incident in a state, and returns it. */
    static JsonNode awaitIncident(TestApi api, String caseReference, String state) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            for (JsonNode incident : api.get("priya", "/api/team/dashboard").body().path("incidents").path("current")) {
                if (caseReference.equals(incident.path("caseReference").asText()) && state.equals(incident.path("state").asText())) {
                    found[0] = incident;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    private static synchronized void deployOnce(CamundaClient client, ProcessCatalog catalog) {
        if (deployed) {
            return;
        }
        BpmnModelInstance model = Bpmn.createExecutableProcess(FAILING_PROCESS).startEvent()
                .serviceTask(FAILING_STEP, task -> task.name("Assign case to worker").zeebeJobType(JobTypes.ASSIGN_CASE).zeebeJobRetries("2"))
                .endEvent().done();
        String xml = Bpmn.convertToString(model);
        var process = client.newDeployResourceCommand().addResourceStringUtf8(xml, FAILING_PROCESS + ".bpmn").send().join()
                .getProcesses().getFirst();
        // Known to the app like its own models, so the step has its name on the dashboard.
        catalog.recordDeployed(process.getProcessDefinitionKey(), FAILING_PROCESS, process.getVersion(), FAILING_PROCESS + ".bpmn",
                xml.getBytes(StandardCharsets.UTF_8));
        deployed = true;
    }
}
