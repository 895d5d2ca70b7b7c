package org.familyjourney.signposting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.client.CamundaClient;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.familyjourney.processes.OnwardReferralIds;
import org.familyjourney.processes.OnwardReferralIds.Elements;
import org.familyjourney.support.ApplicationTest;
import org.familyjourney.support.RedeliveredJob;
import org.familyjourney.support.TestApi.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Signposting on the real app: the referral email, consent and its override, chasing and escalation. */
class OnwardReferralApplicationTest extends ApplicationTest {

    @Autowired
    CamundaClient client;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SendOnwardReferralWorker sender;

    private final String organisationEmail = "intake." + UUID.randomUUID().toString().substring(0, 8) + "@northside.example";

    private Map<String, Object> counselling() {
        return Map.of("organisation", "Northside Counselling", "service", "COUNSELLING", "email", organisationEmail,
                "reason", "Low mood since the family moved");
    }

    private void startOnwardReferral(String reference, boolean consentGiven) {
        client.newCreateInstanceCommand().bpmnProcessId(OnwardReferralIds.PROCESS).latestVersion()
                .variables(Map.of("caseReference", reference, "allocatedWorker", "maya", "consentGiven", consentGiven,
                        "onwardReferral", counselling()))
                .send().join();
    }

    private List<MimeMessage> mailsTo(String recipient, String subjectStart) {
        return Arrays.stream(MAIL.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).map(Address::toString).anyMatch(recipient::equals)
                        && m.getSubject().startsWith(subjectStart);
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).toList();
    }

    private JsonNode onwardReferral(String reference) {
        return api.get("priya", "/api/cases/" + reference + "/onward-referrals").body().path("onwardReferrals").get(0);
    }

    @Test
    void referralEmailNamesTheWorkerAndCaseButNotTheFamilyAndTheAnswerIsRecorded() throws Exception {
        String reference = api.referFamily("priya");
        String parentName = jdbc.queryForObject("""
                SELECT r.parent_name FROM referral r JOIN family_case c ON c.referral_id = r.id WHERE c.reference = ?""",
                String.class, reference);
        startOnwardReferral(reference, true);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(mailsTo(organisationEmail, "Referral")).hasSize(1));
        MimeMessage sent = mailsTo(organisationEmail, "Referral").getFirst();
        String body = sent.getContent().toString();
        assertThat(sent.getSubject()).contains(reference).contains("counselling");
        assertThat(body).contains("Maya Okafor").contains("maya@family-journey.example").contains(reference)
                .contains("Low mood since the family moved").doesNotContain(parentName);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(onwardReferral(reference).path("state").asText()).isEqualTo("SENT"));
        assertThat(onwardReferral(reference).path("sharingBasis").asText()).isEqualTo("CONSENT_AT_REFERRAL");

        long answer = api.awaitTask("maya", reference, Elements.RECORD_ORGANISATION_ANSWER);
        assertThat(api.completeTask("maya", answer, Map.of("onwardReferralAnswer", "ACCEPTED",
                "onwardReferralAnswerNotes", "First session next Tuesday")).status()).isEqualTo(204);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode recorded = onwardReferral(reference);
            assertThat(recorded.path("state").asText()).isEqualTo("ACCEPTED");
            assertThat(recorded.path("service").asText()).isEqualTo("COUNSELLING");
            assertThat(recorded.path("answerRecordedBy").asText()).isEqualTo("maya");
        });
    }

    @Test
    void overridingARefusalNeedsAReasonAndIsLogged() {
        String reference = api.referFamily("priya");
        startOnwardReferral(reference, false);
        long ask = api.awaitTask("maya", reference, Elements.ASK_FOR_CONSENT_TO_SHARE);

        Response noReason = api.completeTask("maya", ask, Map.of("consentToShareGiven", "no", "shareWithoutConsent", "yes"));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body().path("errors").findValuesAsText("field")).containsExactly("overrideReason");
        assertThat(api.completeTask("maya", ask, Map.of("consentToShareGiven", "no", "shareWithoutConsent", "yes",
                "overrideReason", "The young person is at risk of serious harm")).status()).isEqualTo(204);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(mailsTo(organisationEmail, "Referral")).hasSize(1));
        Map<String, Object> consent = jdbc.queryForMap(
                "SELECT given, overridden, override_reason, recorded_by FROM consent_to_share WHERE case_reference = ?", reference);
        assertThat(consent).containsEntry("given", false).containsEntry("overridden", true)
                .containsEntry("override_reason", "The young person is at risk of serious harm").containsEntry("recorded_by", "maya");
        assertThat(jdbc.queryForList("SELECT summary FROM journey_entry WHERE case_reference = ? AND kind = 'CONSENT_RECORDED'",
                String.class, reference)).singleElement().asString().contains("overridden by maya").doesNotContain("serious harm");
        // The reason is beside the hashed entry, where anonymisation reaches it; the journey shows it from there.
        assertThat(jdbc.queryForList("""
                SELECT t.content FROM journey_entry_text t JOIN journey_entry e ON e.id = t.entry_id
                WHERE e.case_reference = ? AND e.kind = 'CONSENT_RECORDED'""", String.class, reference))
                .singleElement().asString().contains("serious harm");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(onwardReferral(reference).path("sharingBasis").asText()).isEqualTo("OVERRIDE"));
    }

    @Test
    void refusedConsentSendsNothingAndRecordsNotSent() {
        String reference = api.referFamily("priya");
        startOnwardReferral(reference, false);
        api.completeTask("maya", api.awaitTask("maya", reference, Elements.ASK_FOR_CONSENT_TO_SHARE),
                Map.of("consentToShareGiven", "no", "shareWithoutConsent", "no"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(onwardReferral(reference).path("state").asText()).isEqualTo("NOT_SENT"));
        assertThat(mailsTo(organisationEmail, "")).isEmpty();
    }

    @Test
    void unansweredReferralIsChasedThenEscalatedAndTheWorkerIsTold() {
        String reference = api.referFamily("priya");
        startOnwardReferral(reference, true);
        long answer = api.awaitTask("maya", reference, Elements.RECORD_ORGANISATION_ANSWER);
        Instant now = Instant.parse(api.get("admin", "/api/engine/clock").text("now"));
        JsonNode deadlines = api.get("priya", "/api/cases/" + reference).body().path("deadlines");
        Instant escalateAt = null;
        for (JsonNode deadline : deadlines) {
            if ("onwardReferralEscalation".equals(deadline.path("name").asText())) {
                escalateAt = Instant.parse(deadline.path("dueAt").asText());
            }
        }
        Instant remindAt = Instant.parse(api.get("maya", "/api/tasks/" + answer).text("dueDate"));
        // The clock is read after the referral went, so a reminder due 6 days after sending may be a moment earlier.
        assertThat(remindAt).isAfter(now.plus(Duration.ofDays(6)).minus(Duration.ofMinutes(1)));
        assertThat(escalateAt).isAfter(remindAt.plus(Duration.ofDays(6)));

        api.advanceClock(Duration.between(now, escalateAt).plusMinutes(1).toString());

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(mailsTo(organisationEmail, "Reminder: referral")).hasSize(1);
            assertThat(api.get("priya", "/api/cases/" + reference).body().path("escalations").findValuesAsText("kind"))
                    .contains(OnwardReferralIds.UNANSWERED);
            assertThat(mailsTo("maya@family-journey.example", "Reminder").stream().filter(m -> subject(m).contains(reference))
                    .map(this::subject)).anyMatch(s -> s.contains("escalated")).anyMatch(s -> s.contains("being chased"));
            // The chase is recorded just after its email goes: wait for it too.
            assertThat(onwardReferral(reference).path("chasedAt").asText()).isNotBlank();
        });
        assertThat(api.get("maya", "/api/tasks/" + answer).text("state")).isEqualTo("OPEN");
    }

    @Test
    void redeliveredSendJobSendsOneEmailAndKeepsOneRecord() {
        String reference = api.referFamily("priya");
        startOnwardReferral(reference, true);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM onward_referral WHERE case_reference = ?", Integer.class, reference)).isOne());
        Map<String, Object> first = jdbc.queryForMap("""
                SELECT o.id, o.process_instance_key, n.job_key FROM onward_referral o
                JOIN notification n ON n.case_reference = o.case_reference AND n.recipient = ?
                WHERE o.case_reference = ?""", organisationEmail, reference);
        Map<String, Object> variables = new HashMap<>(Map.of("caseReference", reference, "allocatedWorker", "maya",
                "consentGiven", true, "onwardReferral", counselling()));
        RedeliveredJob again = new RedeliveredJob((Long) first.get("job_key"), OnwardReferralIds.JobTypes.SEND_ONWARD_REFERRAL,
                (Long) first.get("process_instance_key"), OnwardReferralIds.PROCESS, Elements.SEND_ONWARD_REFERRAL, Map.of(), variables);

        Map<String, Object> output = sender.send(again, reference, "maya", counselling(), true, null);

        assertThat(output).containsEntry("onwardReferralId", first.get("id"));
        assertThat(mailsTo(organisationEmail, "Referral")).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM onward_referral WHERE case_reference = ?", Integer.class, reference)).isOne();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM journey_entry WHERE case_reference = ? AND kind = 'ONWARD_REFERRAL_RECORDED'",
                Integer.class, reference)).isOne();
    }

    private String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            return "";
        }
    }
}
