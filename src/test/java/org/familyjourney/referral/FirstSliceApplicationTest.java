package org.familyjourney.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import org.familyjourney.support.ApplicationTest;
import org.familyjourney.support.TestApi.Response;
import org.junit.jupiter.api.Test;

/** One family through the first slice of the journey, by the API, on the embedded engine and MariaDB. */
class FirstSliceApplicationTest extends ApplicationTest {

    @Test
    void referralIsTriagedAllocatedAndEscalatedWhenFirstContactIsOverdue() throws Exception {
        Response created = api.post("priya", "/api/referrals", api.referral());
        assertThat(created.status()).isEqualTo(201);
        String reference = created.text("caseReference");
        assertThat(reference).matches("FJ-\\d{4}-\\d{6}");
        assertThat(created.http().headers().firstValue("Location")).hasValue("/api/cases/" + reference);

        long triage = api.awaitTask("priya", reference, "Task_TriageReferral");
        JsonNode triageTask = api.get("priya", "/api/tasks/" + triage).body();
        assertThat(triageTask.path("name").asText()).isEqualTo("Triage referral");
        assertThat(triageTask.path("formId").asText()).isEqualTo("triage-referral");
        assertThat(triageTask.path("candidateGroups").toString()).contains("managers");
        assertThat(triageTask.path("dueDate").asText()).isNotBlank();
        assertThat(api.completeTask("priya", triage, Map.of("triageDecision", "ACCEPT", "triageReason", "Attendance support")).status())
                .isEqualTo(204);

        long allocation = api.awaitTask("priya", reference, "Task_AllocateWorker");
        assertThat(api.completeTask("priya", allocation, Map.of("allocatedWorker", "maya")).status()).isEqualTo(204);

        long firstContact = api.awaitTask("maya", reference, "Task_MakeFirstContact");
        JsonNode task = api.get("maya", "/api/tasks/" + firstContact).body();
        assertThat(task.path("assignee").asText()).isEqualTo("maya");
        Instant due = Instant.parse(task.path("dueDate").asText());
        assertThat(due).isAfter(Instant.parse(api.get("admin", "/api/engine/clock").text("now")));

        JsonNode kase = api.get("maya", "/api/cases/" + reference).body();
        assertThat(kase.path("status").asText()).isEqualTo("ALLOCATED");
        assertThat(kase.path("worker").asText()).isEqualTo("maya");
        assertThat(kase.path("currentSteps").toString()).contains("Make first contact");

        // Move the clock just past the escalation time (working days may span a weekend or bank holiday).
        Instant escalateAt = null;
        for (JsonNode deadline : kase.path("deadlines")) {
            if ("firstContact".equals(deadline.path("name").asText())) {
                escalateAt = Instant.parse(deadline.path("escalateAt").asText());
            }
        }
        assertThat(escalateAt).isAfter(due);
        Instant now = Instant.parse(api.get("admin", "/api/engine/clock").text("now"));
        assertThat(api.advanceClock(Duration.between(now, escalateAt).plusMinutes(1).toString()).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode escalations = api.get("priya", "/api/cases/" + reference).body().path("escalations");
            assertThat(escalations).hasSize(1);
            assertThat(escalations.get(0).path("kind").asText()).isEqualTo("FIRST_CONTACT_OVERDUE");
        });
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(mailsAbout(reference, "Escalation")).extracting(m -> m.getAllRecipients()[0].toString())
                    .contains("priya@family-journey.example", "grace@family-journey.example");
            assertThat(mailsAbout(reference, "Reminder")).extracting(m -> m.getAllRecipients()[0].toString())
                    .containsExactly("maya@family-journey.example");
        });
        JsonNode stillOpen = api.get("maya", "/api/tasks/" + firstContact).body();
        assertThat(stillOpen.path("state").asText()).isEqualTo("OPEN");
        assertThat(stillOpen.path("overdue").asBoolean()).isTrue();
    }

    private java.util.List<MimeMessage> mailsAbout(String reference, String kind) {
        return Arrays.stream(MAIL.getReceivedMessages()).filter(m -> {
            try {
                return m.getSubject().startsWith(kind) && m.getSubject().contains(reference);
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).toList();
    }
}
