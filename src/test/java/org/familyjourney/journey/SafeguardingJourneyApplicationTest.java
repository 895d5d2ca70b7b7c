package org.familyjourney.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.familyjourney.support.ApplicationTest;
import org.junit.jupiter.api.Test;

/** Safeguarding in the whole journey: at referral it comes before triage; later it runs beside the work. */
class SafeguardingJourneyApplicationTest extends ApplicationTest {

    private String referFamilyWithDomesticAbuse() {
        Map<String, Object> referral = new HashMap<>(api.referral());
        referral.put("concerns", List.of("DOMESTIC_ABUSE", "FINANCIAL_STABILITY"));
        referral.put("details", "Mum disclosed domestic abuse to the school office.");
        var created = api.post("priya", "/api/referrals", referral);
        assertThat(created.status()).isEqualTo(201);
        return created.text("caseReference");
    }

    private void decide(String reference, String decision, String supportContinues) {
        long concern = api.awaitTask("dev", reference, "Task_DecideOnConcern");
        assertThat(api.completeTask("dev", concern, Map.of("dslDecision", decision, "dslRationale", "Seen the disclosure",
                "familySupportContinues", supportContinues)).status()).isEqualTo(204);
    }

    private List<String> openSteps(String reference) {
        return api.get("priya", "/api/cases/" + reference).body().path("openTasks").findValuesAsText("elementId");
    }

    @Test
    void concernInTheReferralGoesToTheDslFirstAndSupportSkipsTriage() {
        String reference = referFamilyWithDomesticAbuse();
        assertThat(api.awaitTask("dev", reference, "Task_DecideOnConcern")).isPositive();
        assertThat(openSteps(reference)).doesNotContain("Task_TriageReferral");

        decide(reference, "CONTINUE_SUPPORT", "yes");

        assertThat(api.awaitTask("priya", reference, "Task_AllocateWorker")).isPositive();
        JsonNode journey = api.get("alex", "/api/cases/" + reference + "/journey").body();
        assertThat(journey.findValuesAsText("step")).doesNotContain("Task_TriageReferral");
    }

    @Test
    void noFurtherActionFromTheDslSendsTheReferralToTriage() {
        String reference = referFamilyWithDomesticAbuse();
        decide(reference, "NO_FURTHER_ACTION", "yes");
        assertThat(api.awaitTask("priya", reference, "Task_TriageReferral")).isPositive();
    }

    @Test
    void steppedUpWithoutFamilySupportClosesTheCaseAsSteppedUp() {
        String reference = referFamilyWithDomesticAbuse();
        decide(reference, "STEP_UP", "no");
        long record = api.awaitTask("dev", reference, "Task_RecordSocialCareReferral");
        assertThat(api.completeTask("dev", record, Map.of("socialCareReferredOn", "2026-12-01", "socialCareReference", "CSC-44",
                "childProtectionPlanInPlace", "no")).status()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(api.get("priya", "/api/cases/" + reference).text("status")).isEqualTo("STEPPED_UP"));
    }

    @Test
    void concernRaisedMidCaseGoesToTheDslWhileTheWorkGoesOn() {
        String reference = api.referFamily("priya");
        long triage = api.awaitTask("priya", reference, "Task_TriageReferral");
        api.completeTask("priya", triage, Map.of("triageDecision", "ACCEPT", "triageReason", "Attendance"));
        api.completeTask("priya", api.awaitTask("priya", reference, "Task_AllocateWorker"), Map.of("allocatedWorker", "maya"));
        long firstContact = api.awaitTask("maya", reference, "Task_MakeFirstContact");

        var raised = api.post("maya", "/api/cases/" + reference + "/safeguarding-concerns",
                Map.of("summary", "Child said an older boy asks him to carry parcels", "category", "EXPLOITATION"));
        assertThat(raised.status()).isEqualTo(201);
        var second = api.post("maya", "/api/cases/" + reference + "/safeguarding-concerns",
                Map.of("summary", "Bruise on the child's arm", "category", "RISK_OF_HARM"));
        assertThat(second.status()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                api.get("dev", "/api/tasks?case=" + reference).body().findValuesAsText("elementId"))
                .filteredOn("Task_DecideOnConcern"::equals).hasSize(2));
        assertThat(api.get("maya", "/api/tasks/" + firstContact).text("state")).isEqualTo("OPEN");
    }
}
