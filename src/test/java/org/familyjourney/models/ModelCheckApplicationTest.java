package org.familyjourney.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.familyjourney.processes.ProcessCatalog;
import org.familyjourney.support.ApplicationTest;
import org.familyjourney.support.TestApi.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The check before deploy, on the server: a diagram that breaks any rule is refused with the element
 * named, and nothing is deployed (our versions and the engine's stay as they were).
 */
class ModelCheckApplicationTest extends ApplicationTest {

    private static final String JOURNEY = "family-journey";

    @Autowired
    ProcessCatalog engineVersions;

    @Test
    void thePackagedModelsPassTheCheck() throws IOException {
        for (String process : List.of(JOURNEY, "safeguarding-concern", "school-advocacy-meeting", "onward-referral")) {
            Response checked = api.upload("priya", "/api/processes/" + process + "/check", process + ".bpmn",
                    Files.readAllBytes(Path.of("bpmn", process + ".bpmn")), Map.of());
            assertThat(checked.status()).as(process).isEqualTo(200);
            assertThat(checked.body().path("problems")).as(process).isEmpty();
            assertThat(checked.body().path("passed").asBoolean()).isTrue();
        }
        try (var forms = Files.list(Path.of("forms"))) {
            for (Path form : forms.toList()) {
                String id = form.getFileName().toString().replace(".form", "");
                Response checked = api.upload("priya", "/api/forms/" + id + "/check", id + ".form", Files.readAllBytes(form), Map.of());
                assertThat(checked.body().path("problems")).as(id).isEmpty();
            }
        }
    }

    @Test
    void aUserTaskWithoutAFormIsRefusedNamingTheTask() {
        JsonNode problem = refused(journey().replace("<zeebe:formDefinition formId=\"triage-referral\"/>", ""), "form");
        assertThat(problem.path("elementId").asText()).isEqualTo("Task_TriageReferral");
        assertThat(problem.path("elementName").asText()).isEqualTo("Triage referral");
    }

    @Test
    void aUserTaskLinkingAFormThatDoesNotExistIsRefused() {
        JsonNode problem = refused(journey().replace("formId=\"triage-referral\"", "formId=\"triage-referal\""), "form");
        assertThat(problem.path("elementId").asText()).isEqualTo("Task_TriageReferral");
        assertThat(problem.path("message").asText()).contains("triage-referal", "does not exist");
    }

    @Test
    void aUserTaskWithNobodyToDoItIsRefused() {
        JsonNode problem = refused(journey().replaceFirst("<zeebe:assignmentDefinition candidateGroups=\"managers\"/>\\s*"
                + "(<zeebe:formDefinition formId=\"triage-referral\"/>)", "$1"), "assignment");
        assertThat(problem.path("elementId").asText()).isEqualTo("Task_TriageReferral");
        assertThat(problem.path("message").asText()).contains("assignee", "candidate groups");
    }

    @Test
    void aServiceTaskWhoseJobTypeHasNoWorkerIsRefused() {
        JsonNode problem = refused(journey().replace("type=\"assign-case\"", "type=\"assign-kase\""), "worker");
        assertThat(problem.path("elementId").asText()).isEqualTo("Task_AssignCase");
        assertThat(problem.path("elementName").asText()).isEqualTo("Assign case to worker");
        assertThat(problem.path("message").asText()).contains("assign-kase");
    }

    @Test
    void aTimerThatDoesNotParseIsRefusedOnItsEvent() {
        String broken = journey().replace("""
                <bpmn:timerEventDefinition id="Timer_TriageOverdue_def">
                          <bpmn:timeDate xsi:type="bpmn:tFormalExpression">=triageDue</bpmn:timeDate>""", """
                <bpmn:timerEventDefinition id="Timer_TriageOverdue_def">
                          <bpmn:timeDate xsi:type="bpmn:tFormalExpression">next tuesday</bpmn:timeDate>""");
        assertThat(broken).isNotEqualTo(journey());
        JsonNode problem = refused(broken, "timer");
        assertThat(problem.path("elementId").asText()).isEqualTo("Timer_TriageOverdue");
        assertThat(problem.path("message").asText()).contains("next tuesday");
    }

    @Test
    void aFeelExpressionThatDoesNotParseIsRefusedOnItsFlow() {
        JsonNode problem = refused(journey().replace("=schoolMeetingNeeded = true", "=schoolMeetingNeeded = = true"), "expression");
        assertThat(problem.path("elementId").asText()).isEqualTo("Flow_SchoolMeetingNeeded_SchoolAdvocacy");
        assertThat(problem.path("message").asText()).contains("does not parse");
    }

    @Test
    void aChangedProcessIdIsRefused() {
        JsonNode problem = refused(journey().replace("<bpmn:process id=\"family-journey\"", "<bpmn:process id=\"family-journey-2\""),
                "process-id");
        assertThat(problem.path("message").asText()).contains("must stay 'family-journey'", "family-journey-2");
    }

    @Test
    void invalidXmlIsRefusedSayingWhere() {
        Response answer = nothingDeployed(() -> deploy(journey().substring(0, 5000).getBytes(StandardCharsets.UTF_8)));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.text("detail")).startsWith("The file is not valid XML (line");
    }

    @Test
    void aFileOverTheLimitIsRefusedWith413() {
        byte[] huge = new byte[ModelUpload.MAX_BYTES + 100_000];
        java.util.Arrays.fill(huge, (byte) ' ');
        Response answer = nothingDeployed(() -> deploy(huge));
        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.text("detail")).contains("2 MB");
    }

    @Test
    void aFileThatIsNoDiagramIsRefused() {
        Response html = nothingDeployed(() -> deploy("<html><body>Hello</body></html>".getBytes(StandardCharsets.UTF_8)));
        assertThat(html.status()).isEqualTo(400);
        assertThat(html.text("detail")).contains("not a BPMN diagram", "<html>");
        Response form = nothingDeployed(() -> deploy("{\"id\": \"triage-referral\"}".getBytes(StandardCharsets.UTF_8)));
        assertThat(form.status()).isEqualTo(400);
        assertThat(form.text("detail")).contains("not valid XML");
    }

    @Test
    void aFormWhoseIdChangedIsRefused() {
        String form = Packaged.form("triage-referral").replace("\"id\": \"triage-referral\"", "\"id\": \"triage\"");
        Response answer = api.upload("priya", "/api/forms/triage-referral/deployments", "triage-referral.form",
                form.getBytes(StandardCharsets.UTF_8), Map.of("comment", "Renamed"));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().path("problems").get(0).path("message").asText()).contains("must stay 'triage-referral'");
    }

    @Test
    void onlyManagersCheckOrDeployAndAuditorsMayRead() {
        byte[] model = journey().getBytes(StandardCharsets.UTF_8);
        assertThat(api.upload("maya", "/api/processes/family-journey/check", "f.bpmn", model, Map.of()).status()).isEqualTo(403);
        assertThat(api.upload("maya", "/api/processes/family-journey/deployments", "f.bpmn", model, Map.of("comment", "x")).status())
                .isEqualTo(403);
        assertThat(api.upload("alex", "/api/processes/family-journey/deployments", "f.bpmn", model, Map.of("comment", "x")).status())
                .isEqualTo(403);
        assertThat(api.get("maya", "/api/processes/family-journey/versions").status()).isEqualTo(403);
        assertThat(api.get("alex", "/api/processes/family-journey/versions").status()).isEqualTo(200);
    }

    /** Deploys the diagram and expects it refused for the rule; returns the first problem of that rule. */
    private JsonNode refused(String xml, String rule) {
        Response answer = nothingDeployed(() -> deploy(xml.getBytes(StandardCharsets.UTF_8)));
        assertThat(answer.status()).as(answer.raw()).isEqualTo(400);
        assertThat(answer.text("detail")).contains("nothing was deployed");
        for (JsonNode problem : answer.body().path("problems")) {
            if (rule.equals(problem.path("rule").asText())) {
                return problem;
            }
        }
        throw new AssertionError("No problem of rule " + rule + " in " + answer.raw());
    }

    private Response nothingDeployed(java.util.function.Supplier<Response> attempt) {
        String ours = api.get("priya", "/api/processes/family-journey/versions").raw();
        List<ProcessCatalog.ProcessVersion> engine = engineVersions.versions();
        Response answer = attempt.get();
        assertThat(api.get("priya", "/api/processes/family-journey/versions").raw()).isEqualTo(ours);
        assertThat(engineVersions.versions()).isEqualTo(engine);
        return answer;
    }

    private Response deploy(byte[] content) {
        return api.upload("priya", "/api/processes/family-journey/deployments", "family-journey.bpmn", content,
                Map.of("comment", "Test change"));
    }

    private static String journey() {
        return Packaged.process(JOURNEY);
    }
}
