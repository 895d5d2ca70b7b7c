package org.familyjourney.safeguarding;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.familyjourney.processes.SafeguardingIds;
import org.familyjourney.support.ApplicationTest;
import org.familyjourney.support.TestApi.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Screening a referral on the real app: safeguarding indicators, the family's open case, possible duplicates. */
@SuppressWarnings("unchecked")
class ScreenReferralApplicationTest extends ApplicationTest {

    @Autowired
    CamundaClient client;

    private final String family = "Jordan Screen" + UUID.randomUUID().toString().substring(0, 6);
    /** A phone number no other family in the (kept) test database has: a shared phone makes a possible duplicate. */
    private final String phone = "07911 " + String.format("%06d", new java.util.Random().nextInt(1_000_000));

    @BeforeEach
    void deployScreeningStep() {
        // The journey runs screen-referral after Register referral; here it runs on its own.
        client.newDeployResourceCommand().addProcessModel(Bpmn.createExecutableProcess("test-screening").startEvent()
                .serviceTask("Task_ScreenReferral", t -> t.zeebeJobType(SafeguardingIds.JobTypes.SCREEN_REFERRAL))
                .endEvent().done(), "test-screening.bpmn").send().join();
    }

    private Response refer(String details, List<String> concerns, String childName) {
        Map<String, Object> referral = new HashMap<>(api.referral());
        referral.put("parent", Map.of("name", family, "phone", phone, "postcode", "LS6 2AB"));
        referral.put("children", List.of(Map.of("name", childName, "dateOfBirth", api.childBorn(10))));
        referral.put("concerns", concerns);
        referral.put("details", details);
        Response created = api.post("priya", "/api/referrals", referral);
        assertThat(created.status()).isEqualTo(201);
        return created;
    }

    private Map<String, Object> screen(Response referral) {
        return client.newCreateInstanceCommand().bpmnProcessId("test-screening").latestVersion()
                .variables(Map.of("referralId", referral.body().path("referralId").asLong(),
                        "caseReference", referral.text("caseReference")))
                .withResult().requestTimeout(Duration.ofSeconds(30)).send().join().getVariablesAsMap();
    }

    @Test
    void safeguardingWordsAndConcernsAreFlaggedAndStoredAsAConcernForTheDsl() {
        Response referral = refer("Mum says her partner threatened her with a knife; county lines suspected.",
                List.of("DOMESTIC_ABUSE", "GOOD_EDUCATION"), "Kit " + family);

        Map<String, Object> screened = screen(referral);

        assertThat(screened).containsEntry("safeguardingIndicated", true);
        assertThat((List<Object>) screened.get("safeguardingReasons"))
                .contains("CONCERN_DOMESTIC_ABUSE", "MENTIONS_WEAPON", "MENTIONS_EXPLOITATION");
        assertThat(screened.get("concernId")).isNotNull();
        assertThat(screened.get("existingOpenCase")).isNull();
        JsonNode concerns = api.get("dev", "/api/cases/" + referral.text("caseReference") + "/safeguarding-concerns").body();
        assertThat(concerns.path("concerns")).hasSize(1);
        assertThat(concerns.path("concerns").get(0).path("source").asText()).isEqualTo("REFERRAL");
        assertThat(concerns.path("concerns").get(0).path("category").asText()).isEqualTo("DOMESTIC_ABUSE");
        assertThat(concerns.path("concerns").get(0).path("id").asLong()).isEqualTo(((Number) screened.get("concernId")).longValue());

        // Screening again (a recreated journey) finds the same concern rather than a second one.
        assertThat(screen(referral).get("concernId")).isEqualTo(screened.get("concernId"));
        assertThat(api.get("dev", "/api/cases/" + referral.text("caseReference") + "/safeguarding-concerns").body()
                .path("concerns")).hasSize(1);
    }

    @Test
    void aSecondReferralOfTheSameFamilyFindsItsOpenCase() {
        Response first = refer("Attendance has dropped.", List.of("GOOD_EDUCATION"), "Ali " + family);
        Response second = refer("Stable housing needed.", List.of("SECURE_HOUSING"), "Sky " + family);

        Map<String, Object> screened = screen(second);

        assertThat(screened).containsEntry("safeguardingIndicated", false);
        assertThat((List<Object>) screened.get("safeguardingReasons")).isEmpty();
        assertThat(screened.get("concernId")).isNull();
        assertThat(screened).containsEntry("existingOpenCase", first.text("caseReference"));
        assertThat((List<Object>) screened.get("possibleDuplicates")).containsExactly(first.text("caseReference"));
    }
}
