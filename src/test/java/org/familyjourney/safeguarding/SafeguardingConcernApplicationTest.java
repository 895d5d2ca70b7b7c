package org.familyjourney.safeguarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.familyjourney.processes.SafeguardingIds;
import org.familyjourney.processes.SafeguardingIds.Elements;
import org.familyjourney.support.ApplicationTest;
import org.familyjourney.support.RedeliveredJob;
import org.familyjourney.support.TestApi.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Staff raise safeguarding concerns by the API; each reaches the DSL, who decides, escalated when late. */
class SafeguardingConcernApplicationTest extends ApplicationTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CamundaClient client;
    @Autowired
    SendConcernToDslWorker sendToDsl;

    private static Map<String, Object> concern(String category) {
        return Map.of("summary", "Child said at the group session that dad hit mum last night.", "category", category);
    }

    private String declinedCase() {
        String reference = api.referFamily("priya");
        api.completeTask("priya", api.awaitTask("priya", reference, "Task_TriageReferral"),
                Map.of("triageDecision", "DECLINE", "triageReason", "Out of our area"));
        await().atMost(Duration.ofSeconds(30)).until(() -> "DECLINED".equals(api.get("priya", "/api/cases/" + reference).text("status")));
        return reference;
    }

    private String caseAllocatedTo(String worker) {
        String reference = api.referFamily("priya");
        api.completeTask("priya", api.awaitTask("priya", reference, "Task_TriageReferral"),
                Map.of("triageDecision", "ACCEPT", "triageReason", "Needs support"));
        api.completeTask("priya", api.awaitTask("priya", reference, "Task_AllocateWorker"), Map.of("allocatedWorker", worker));
        api.awaitTask(worker, reference, "Task_MakeFirstContact");
        return reference;
    }

    private long raise(String user, String reference, String category) {
        Response raised = api.post(user, "/api/cases/" + reference + "/safeguarding-concerns", concern(category));
        assertThat(raised.status()).as(raised.raw()).isEqualTo(201);
        return raised.body().path("concernId").asLong();
    }

    private JsonNode concerns(String user, String reference) {
        return api.get(user, "/api/cases/" + reference + "/safeguarding-concerns").body();
    }

    private List<MimeMessage> mails(String subjectStart, String reference) {
        return Arrays.stream(MAIL.getReceivedMessages()).filter(m -> {
            try {
                return m.getSubject().startsWith(subjectStart) && m.getSubject().contains(reference);
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).toList();
    }

    @Test
    void raisedConcernReachesTheDslWhoDecidesAndTheDecisionIsOnRecord() throws Exception {
        String reference = caseAllocatedTo("maya");

        long concernId = raise("maya", reference, "DOMESTIC_ABUSE");

        long decide = api.awaitTask("dev", reference, Elements.DECIDE_ON_CONCERN);
        JsonNode task = api.get("dev", "/api/tasks/" + decide).body();
        assertThat(task.path("candidateGroups").toString()).contains("safeguarding-leads");
        assertThat(task.path("formId").asText()).isEqualTo(SafeguardingIds.Forms.SAFEGUARDING_DECISION);
        assertThat(Instant.parse(task.path("dueDate").asText())).isAfter(Instant.parse(api.get("admin", "/api/engine/clock").text("now")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(mails("Safeguarding concern", reference))
                .extracting(m -> m.getAllRecipients()[0].toString()).containsExactly("dev@family-journey.example"));
        assertThat(mails("Safeguarding concern", reference).getFirst().getContent().toString())
                .doesNotContain("dad hit mum");
        JsonNode listed = concerns("dev", reference);
        assertThat(listed.path("count").asInt()).isOne();
        assertThat(listed.path("concerns").get(0).path("id").asLong()).isEqualTo(concernId);
        assertThat(listed.path("concerns").get(0).path("state").asText()).isEqualTo("WITH_DSL");
        assertThat(listed.path("concerns").get(0).path("raisedBy").asText()).isEqualTo("maya");
        assertThat(listed.path("concerns").get(0).path("source").asText()).isEqualTo("RAISED");

        assertThat(api.completeTask("dev", decide, Map.of("dslDecision", "CONTINUE_SUPPORT",
                "dslRationale", "Mum is safe at her sister's; police informed", "familySupportContinues", "yes")).status())
                .isEqualTo(204);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode decided = concerns("maya", reference).path("concerns").get(0);
            assertThat(decided.path("state").asText()).isEqualTo("DECIDED");
            assertThat(decided.path("decision").asText()).isEqualTo("CONTINUE_SUPPORT");
            assertThat(decided.path("decidedBy").asText()).isEqualTo("dev");
            assertThat(decided.path("supportContinues").asBoolean()).isTrue();
            assertThat(decided.path("decidedAt").asText()).isNotBlank();
        });
        assertThat(concerns("maya", reference).path("steppedUp").asBoolean()).isFalse();
    }

    @Test
    void escalatesToManagersWhenTheDslHasNotDecidedInFourWorkingHours() {
        String reference = declinedCase();
        raise("priya", reference, "RISK_OF_HARM");
        long decide = api.awaitTask("dev", reference, Elements.DECIDE_ON_CONCERN);
        Instant due = Instant.parse(api.get("dev", "/api/tasks/" + decide).text("dueDate"));
        Instant now = Instant.parse(api.get("admin", "/api/engine/clock").text("now"));
        assertThat(due).isBefore(now.plus(Duration.ofDays(5))).isAfter(now.plus(Duration.ofMinutes(1)));

        api.advanceClock(Duration.between(now, due).plusMinutes(1).toString());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode escalations = api.get("priya", "/api/cases/" + reference).body().path("escalations");
            assertThat(escalations.findValuesAsText("kind")).contains(SafeguardingIds.DECISION_OVERDUE);
            assertThat(mails("Escalation", reference)).extracting(m -> m.getAllRecipients()[0].toString())
                    .contains("priya@family-journey.example", "grace@family-journey.example");
        });
        assertThat(api.get("dev", "/api/tasks/" + decide).text("state")).isEqualTo("OPEN");
    }

    @Test
    void stepUpMarksTheCaseAndTheWorkerRecordsTheSocialCareReferral() {
        String reference = caseAllocatedTo("tom");
        raise("tom", reference, "VIOLENCE");
        api.completeTask("dev", api.awaitTask("dev", reference, Elements.DECIDE_ON_CONCERN), Map.of("dslDecision", "STEP_UP",
                "dslRationale", "Threshold for a section 47 enquiry is met", "familySupportContinues", "yes"));

        long record = api.awaitTask("tom", reference, Elements.RECORD_SOCIAL_CARE_REFERRAL);
        assertThat(api.get("tom", "/api/tasks/" + record).text("assignee")).isEqualTo("tom");
        await().atMost(Duration.ofSeconds(30)).until(() -> concerns("priya", reference).path("steppedUp").asBoolean());
        Response missingPlanDate = api.completeTask("tom", record, Map.of("socialCareReferredOn", "2026-12-01",
                "childProtectionPlanInPlace", "yes"));
        assertThat(missingPlanDate.body().path("errors").findValuesAsText("field")).containsExactly("childProtectionPlanFrom");
        assertThat(api.completeTask("tom", record, Map.of("socialCareReferredOn", "2026-12-01", "socialCareReference", "CSC-2026-0042",
                "childProtectionPlanInPlace", "yes", "childProtectionPlanFrom", "2026-12-10")).status()).isEqualTo(204);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode stepUp = concerns("priya", reference).path("stepUps").get(0);
            assertThat(stepUp.path("socialCareReference").asText()).isEqualTo("CSC-2026-0042");
            assertThat(stepUp.path("childProtectionPlan").asBoolean()).isTrue();
            assertThat(stepUp.path("decidedBy").asText()).isEqualTo("dev");
            assertThat(stepUp.path("referralRecordedBy").asText()).isEqualTo("tom");
        });
    }

    @Test
    void aReviewInTheJourneyCanStepTheCaseUpAgainAndEachStepUpIsKept() {
        String reference = declinedCase();
        // As the journey's review does it: the referral is recorded first, then record-step-up files both.
        client.newDeployResourceCommand().addProcessModel(Bpmn.createExecutableProcess("test-review-step-up").startEvent()
                .serviceTask("Task_RecordStepUp", t -> t.zeebeJobType(SafeguardingIds.JobTypes.RECORD_STEP_UP))
                .serviceTask("Task_RecordStepUpAgain", t -> t.zeebeJobType(SafeguardingIds.JobTypes.RECORD_STEP_UP))
                .endEvent().done(), "test-review-step-up.bpmn").send().join();

        client.newCreateInstanceCommand().bpmnProcessId("test-review-step-up").latestVersion()
                .variables(Map.of("caseReference", reference, "concernId", 424242, "socialCareReferredOn", "2026-11-20",
                        "socialCareReference", "CSC-77", "childProtectionPlanInPlace", "no"))
                .withResult().requestTimeout(Duration.ofSeconds(30)).send().join();

        JsonNode listed = concerns("priya", reference);
        assertThat(listed.path("steppedUp").asBoolean()).isTrue();
        assertThat(listed.path("stepUps")).hasSize(2);
        assertThat(listed.path("stepUps").findValuesAsText("socialCareReference")).containsExactly("CSC-77", "CSC-77");
        // The journey's concernId belongs to the referral's concern, not to this step-up.
        assertThat(listed.path("stepUps").get(0).path("concernId").isNull() || listed.path("stepUps").get(0).path("concernId").isMissingNode())
                .isTrue();
    }

    @Test
    void stepUpOnACaseWithoutAWorkerGoesToTheSafeguardingLeads() {
        String reference = declinedCase();
        raise("priya", reference, "NEGLECT");
        api.completeTask("dev", api.awaitTask("dev", reference, Elements.DECIDE_ON_CONCERN), Map.of("dslDecision", "STEP_UP",
                "dslRationale", "Ongoing neglect", "familySupportContinues", "no"));

        long record = api.awaitTask("dev", reference, Elements.RECORD_SOCIAL_CARE_REFERRAL);
        JsonNode task = api.get("dev", "/api/tasks/" + record).body();
        assertThat(task.path("assignee").isMissingNode() || task.path("assignee").isNull()).isTrue();
        assertThat(task.path("candidateGroups").toString()).contains("safeguarding-leads");
    }

    @Test
    void severalConcernsAtOnceEachReachTheDsl() {
        String reference = declinedCase();
        long first = raise("priya", reference, "EXPLOITATION");
        long second = raise("dev", reference, "OTHER");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                api.get("dev", "/api/tasks?case=" + reference).body().findValuesAsText("elementId").stream()
                        .filter(Elements.DECIDE_ON_CONCERN::equals)).hasSize(2));
        JsonNode listed = concerns("dev", reference);
        assertThat(listed.path("concerns").findValuesAsText("id")).containsExactly(String.valueOf(first), String.valueOf(second));
        assertThat(listed.path("concerns").findValuesAsText("state")).containsOnly("WITH_DSL");
    }

    @Test
    void aConcernSentTwiceIsDecidedOnceAndTheDslIsEmailedOnce() {
        String reference = declinedCase();
        long concernId = raise("priya", reference, "VIOLENCE");
        long decide = api.awaitTask("dev", reference, Elements.DECIDE_ON_CONCERN);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(mails("Safeguarding concern", reference)).hasSize(1));

        // The engine delivers the send job again: same concern, no second email.
        Map<String, Object> sent = jdbc.queryForMap("""
                SELECT c.process_instance_key, c.decision_due_at, n.job_key FROM safeguarding_concern c
                JOIN notification n ON n.case_reference = c.case_reference AND n.recipient = 'dev@family-journey.example'
                WHERE c.id = ?""", concernId);
        String due = api.get("dev", "/api/tasks/" + decide).text("dueDate");
        RedeliveredJob again = new RedeliveredJob((Long) sent.get("job_key"), SafeguardingIds.JobTypes.SEND_CONCERN_TO_DSL,
                (Long) sent.get("process_instance_key"), SafeguardingIds.PROCESS, Elements.SEND_CONCERN_TO_DSL, Map.of(),
                Map.of("caseReference", reference, "concernId", concernId, "concernSource", "RAISED", "dslDecisionDue", due));
        assertThat(sendToDsl.send(again, reference, concernId, "RAISED", due)).containsEntry("concernId", concernId);

        // A second process for the same concern (the journey's message and a direct start racing) ends at once.
        Map<String, Object> second = client.newCreateInstanceCommand().bpmnProcessId(SafeguardingIds.PROCESS).latestVersion()
                .variables(Map.of("caseReference", reference, "concernId", concernId, "concernSource", "RAISED"))
                .withResult().requestTimeout(Duration.ofSeconds(30)).send().join().getVariablesAsMap();

        assertThat(second).doesNotContainKey("dslDecision");
        assertThat(api.get("dev", "/api/tasks?case=" + reference).body().findValuesAsText("elementId"))
                .containsOnlyOnce(Elements.DECIDE_ON_CONCERN);
        assertThat(mails("Safeguarding concern", reference)).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT process_instance_key FROM safeguarding_concern WHERE id = ?", Long.class, concernId))
                .isEqualTo(sent.get("process_instance_key"));
    }

    @Test
    void badConcernIsRefusedNamingEachFieldAndNothingIsStored() {
        String reference = declinedCase();
        int before = jdbc.queryForObject("SELECT COUNT(*) FROM safeguarding_concern", Integer.class);

        Response empty = api.post("maya", "/api/cases/" + reference + "/safeguarding-concerns", Map.of());
        Response wrongCategory = api.post("maya", "/api/cases/" + reference + "/safeguarding-concerns",
                Map.of("summary", "  ", "category", "BAD_VIBES"));
        Response notJson = api.postRaw("maya", "/api/cases/" + reference + "/safeguarding-concerns", "{summary:", "application/json");

        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.http().headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(empty.body().path("errors").findValuesAsText("field")).containsExactlyInAnyOrder("summary", "category");
        assertThat(wrongCategory.status()).isEqualTo(400);
        assertThat(wrongCategory.body().path("errors").findValuesAsText("field")).containsExactlyInAnyOrder("summary", "category");
        assertThat(wrongCategory.raw()).contains("DOMESTIC_ABUSE");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM safeguarding_concern", Integer.class)).isEqualTo(before);
    }

    @Test
    void auditorsCannotRaiseConcernsButCanReadThem() {
        String reference = declinedCase();
        assertThat(api.post("alex", "/api/cases/" + reference + "/safeguarding-concerns", concern("OTHER")).status()).isEqualTo(403);
        assertThat(api.get("alex", "/api/cases/" + reference + "/safeguarding-concerns").status()).isEqualTo(200);
    }

    @Test
    void unknownCaseIsNotFound() {
        assertThat(api.post("maya", "/api/cases/FJ-1999-999999/safeguarding-concerns", concern("OTHER")).status()).isEqualTo(404);
        assertThat(api.get("priya", "/api/cases/FJ-1999-999999/safeguarding-concerns").status()).isEqualTo(404);
    }

    @Test
    void aWorkerNotOnTheCaseCanRaiseAConcernButCannotReadTheCasesConcerns() {
        String reference = declinedCase();
        assertThat(api.post("tom", "/api/cases/" + reference + "/safeguarding-concerns", concern("OTHER")).status()).isEqualTo(201);
        assertThat(api.get("tom", "/api/cases/" + reference + "/safeguarding-concerns").status()).isEqualTo(404);
    }
}
