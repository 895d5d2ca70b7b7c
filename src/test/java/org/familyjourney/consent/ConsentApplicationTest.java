package org.familyjourney.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.client.CamundaClient;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.familyjourney.processes.OnwardReferralIds;
import org.familyjourney.processes.SafeguardingIds;
import org.familyjourney.processes.SchoolAdvocacyIds;
import org.familyjourney.safeguarding.RecordStepUpWorker;
import org.familyjourney.support.ApplicationTest;
import org.familyjourney.support.PageSession;
import org.familyjourney.support.RedeliveredJob;
import org.familyjourney.support.TestApi.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Consent as a record: what was agreed, by whom and when, its withdrawal, and every sharing step checking it. */
class ConsentApplicationTest extends ApplicationTest {

    @Autowired
    CamundaClient client;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RecordStepUpWorker stepUps;

    private final String tag = UUID.randomUUID().toString().substring(0, 8);

    private JsonNode consents(String reference) {
        return api.get("priya", "/api/cases/" + reference + "/consents").body();
    }

    private long consentId(String reference, String scope) {
        for (JsonNode consent : consents(reference).path("consents")) {
            if (scope.equals(consent.path("scope").asText()) && consent.path("withdrawnAt").isMissingNode()) {
                return consent.path("id").asLong();
            }
        }
        throw new AssertionError("No active " + scope + " consent on " + reference);
    }

    private void withdraw(String reference, String scope) {
        Response withdrawn = api.post("priya", "/api/cases/" + reference + "/consents/" + consentId(reference, scope) + "/withdraw",
                Map.of("withdrawnBy", "The parent, by phone", "reason", "Does not want services told"));
        assertThat(withdrawn.status()).as(withdrawn.raw()).isEqualTo(200);
    }

    private List<String> journey(String reference, String kind) {
        return jdbc.queryForList("SELECT summary FROM journey_entry WHERE case_reference = ? AND kind = ? ORDER BY id",
                String.class, reference, kind);
    }

    private List<MimeMessage> mailsTo(String recipient) {
        return Arrays.stream(MAIL.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).map(Address::toString).anyMatch(recipient::equals);
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).toList();
    }

    @Test
    void theReferralsConsentIsRecordedWithWhoAndWhenAndCanBeWithdrawn() {
        String reference = api.referFamily("priya");
        String parent = jdbc.queryForObject("""
                SELECT r.parent_name FROM referral r JOIN family_case c ON c.referral_id = r.id WHERE c.reference = ?""",
                String.class, reference);

        JsonNode all = consents(reference).path("consents");
        assertThat(all.findValuesAsText("scope")).containsExactlyInAnyOrder("SUPPORT", "SHARE_WITH_SERVICES", "CONTACT_SCHOOL");
        assertThat(all.findValuesAsText("givenBy")).containsOnly(parent);
        assertThat(all.findValuesAsText("givenAt")).containsOnly("2026-11-30T10:00:00Z");
        assertThat(all.findValuesAsText("recordedBy")).containsOnly("priya");

        withdraw(reference, "SHARE_WITH_SERVICES");

        JsonNode withdrawn = null;
        for (JsonNode consent : consents(reference).path("consents")) {
            if ("SHARE_WITH_SERVICES".equals(consent.path("scope").asText())) {
                withdrawn = consent;
            }
        }
        assertThat(withdrawn.path("withdrawnAt").asText()).isNotBlank();
        assertThat(withdrawn.path("withdrawnBy").asText()).isEqualTo("The parent, by phone");
        assertThat(withdrawn.path("withdrawalRecordedBy").asText()).isEqualTo("priya");
        assertThat(journey(reference, "CONSENT_WITHDRAWN")).singleElement().asString()
                .contains("sharing information with onward services").contains("priya").doesNotContain(parent);
        Response again = api.post("priya", "/api/cases/" + reference + "/consents/" + withdrawn.path("id").asLong() + "/withdraw",
                Map.of("withdrawnBy", "The parent"));
        assertThat(again.status()).isEqualTo(409);
    }

    @Test
    void recordingAConsentNeedsWhoGaveItAndAKnownScope() {
        String reference = api.referFamily("priya");
        Response missing = api.post("priya", "/api/cases/" + reference + "/consents", Map.of("scope", "SELL_DATA"));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body().path("errors").findValuesAsText("field")).containsExactlyInAnyOrder("scope", "givenBy");

        Response named = api.post("priya", "/api/cases/" + reference + "/consents", Map.of("scope", "SHARE_WITH_SERVICES",
                "sharedWith", "Northside Counselling", "givenBy", "Sam, in person"));
        assertThat(named.status()).as(named.raw()).isEqualTo(201);
        assertThat(named.text("sharedWith")).isEqualTo("Northside Counselling");
        assertThat(journey(reference, "CONSENT_RECORDED")).anySatisfy(s -> assertThat(s).contains("Northside Counselling"));
    }

    @Test
    void theCasePageShowsConsentAndRecordsAWithdrawal() {
        String reference = api.referFamily("priya");
        PageSession page = PageSession.signedIn(port, "priya");
        PageSession.Page shown = page.get("/cases/" + reference);
        assertThat(shown.body()).contains("id=\"consent\"").contains("Contacting the school").contains("Record withdrawal");

        long id = consentId(reference, "CONTACT_SCHOOL");
        PageSession.Page posted = page.postForm("/cases/" + reference + "/consents/" + id + "/withdraw",
                Map.of("withdrawnBy", "The parent", "reason", "Prefers to talk to the school herself"));
        assertThat(posted.status()).isEqualTo(302);
        assertThat(page.get("/cases/" + reference).body()).contains("Withdrawn by The parent").contains("Prefers to talk to the school herself");
    }

    @Test
    void withdrawnConsentStopsTheOnwardReferralUntilTheFamilyAgreesAgain() {
        String reference = api.referFamily("priya");
        String organisationEmail = "intake." + tag + "@northside.example";
        withdraw(reference, "SHARE_WITH_SERVICES");

        client.newCreateInstanceCommand().bpmnProcessId(OnwardReferralIds.PROCESS).latestVersion()
                .variables(Map.of("caseReference", reference, "allocatedWorker", "maya", "consentGiven", true,
                        "onwardReferral", Map.of("organisation", "Northside Counselling", "service", "COUNSELLING",
                                "email", organisationEmail, "reason", "Low mood")))
                .send().join();

        long ask = api.awaitTask("maya", reference, OnwardReferralIds.Elements.ASK_FOR_CONSENT_TO_SHARE);
        assertThat(mailsTo(organisationEmail)).isEmpty();
        assertThat(journey(reference, "ONWARD_REFERRAL_RECORDED")).singleElement().asString()
                .contains("not sent").contains("withdrawn");

        assertThat(api.completeTask("maya", ask, Map.of("consentToShareGiven", "yes", "consentToShareGivenBy", "PARENT_OR_CARER",
                "consentToShareGivenOn", LocalDate.now(ZoneId.of("Europe/London")).minusDays(1).toString())).status()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(mailsTo(organisationEmail)).hasSize(1));
        assertThat(consents(reference).path("consents").findValuesAsText("sharedWith")).contains("Northside Counselling");
    }

    @Test
    void theSchoolIsNotInvitedWithoutConsentToContactIt() throws Exception {
        String reference = api.referFamily("priya");
        String schoolContact = "head." + tag + "@oakfield.example";
        withdraw(reference, "CONTACT_SCHOOL");
        client.newCreateInstanceCommand().bpmnProcessId(SchoolAdvocacyIds.PROCESS).latestVersion()
                .variables(Map.of("caseReference", reference, "allocatedWorker", "maya")).send().join();
        long arrange = api.awaitTask("maya", reference, SchoolAdvocacyIds.Elements.ARRANGE_SCHOOL_MEETING);
        Map<String, Object> meeting = new HashMap<>(Map.of("schoolName", "Oakfield Academy " + tag, "schoolContactName", "Mr Lee Okoro",
                "schoolContactEmail", schoolContact, "meetingDate", LocalDate.now(ZoneId.of("Europe/London")).plusDays(400).toString(),
                "meetingStartTime", "10:00", "meetingDurationMinutes", 45, "meetingPlace", "Room 2",
                "meetingPurpose", "TRUANCY_LETTERS", "inviteParent", "no"));
        Response done = api.completeTask("maya", arrange, meeting);
        assertThat(done.status()).as(done.raw()).isEqualTo(204);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(journey(reference, "SCHOOL_MEETING_RECORDED"))
                .anySatisfy(s -> assertThat(s).contains("not sent").contains("consent to contact the school is withdrawn")));
        assertThat(mailsTo(schoolContact)).isEmpty();
        List<MimeMessage> toWorker = mailsTo("maya@family-journey.example").stream()
                .filter(m -> subject(m).contains(reference) && subject(m).startsWith("Meeting booked")).toList();
        assertThat(toWorker).hasSize(1);
        assertThat(toWorker.getFirst().getContent().toString()).isNotNull();
    }

    @Test
    void anOverrideNeedsAReasonAndTheRightRole() {
        // A manager of the case's team (a safeguarding lead reads only cases with a concern: RecordAccess).
        String reference = api.referFamily("priya");
        assertThat(api.post("maya", "/api/cases/" + reference + "/consent-overrides",
                Map.of("scope", "SHARE_WITH_SERVICES", "reason", "Police asked for it")).status()).isEqualTo(403);
        Response noReason = api.post("priya", "/api/cases/" + reference + "/consent-overrides", Map.of("scope", "SHARE_WITH_SERVICES"));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body().path("errors").findValuesAsText("field")).containsExactly("reason");

        Response made = api.post("priya", "/api/cases/" + reference + "/consent-overrides", Map.of("scope", "SHARE_WITH_SERVICES",
                "sharedWith", "Police", "reason", "Section 47 enquiry: a child at risk of significant harm"));
        assertThat(made.status()).as(made.raw()).isEqualTo(201);
        assertThat(journey(reference, "CONSENT_OVERRIDDEN")).singleElement().asString().contains("priya").contains("Police");
        assertThat(api.get("alex", "/api/cases/" + reference + "/consents").body().path("overrides").get(0).path("reason").asText())
                .contains("Section 47");
    }

    @Test
    void aStepUpWithoutConsentIsLoggedAsASafeguardingOverrideOnce() {
        String reference = api.referFamily("priya");
        withdraw(reference, "SHARE_WITH_SERVICES");
        long key = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L) + 9_000_000_000L;
        RedeliveredJob job = new RedeliveredJob(key, SafeguardingIds.JobTypes.RECORD_STEP_UP, key + 1, SafeguardingIds.PROCESS,
                "Task_MarkCaseSteppedUp", Map.of(), Map.of("caseReference", reference, "dslDecidedBy", "dev"));

        stepUps.stepUp(job, reference, null, "dev", null, null, null, null, null, null);
        stepUps.stepUp(job, reference, null, "dev", null, null, null, null, null, null);

        assertThat(journey(reference, "CONSENT_OVERRIDDEN")).singleElement().asString()
                .contains("Children's social care").contains("dev");
        assertThat(jdbc.queryForObject("SELECT reason FROM consent_override WHERE case_reference = ?", String.class, reference))
                .contains("Children Act 1989 s.47");
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            return "";
        }
    }
}
