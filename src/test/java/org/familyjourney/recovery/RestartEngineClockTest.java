package org.familyjourney.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.familyjourney.support.CaseWalk;
import org.familyjourney.support.EmbeddedApp;
import org.familyjourney.support.TestApi;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A demo moves the engine's clock on, then the app is restarted on the same database: the new engine's
 * clock goes on from where the old one's stood, not from the wall clock, so a task overdue before the
 * restart is still overdue, the journey goes on in time order, and a recovered timer fires at its moment.
 */
class RestartEngineClockTest extends RestartedAppTest {

    @Test
    void aClockMovedOnTenDaysStaysMovedOnAfterARestartAndTheRecoveredEscalationFiresOnTime() {
        String reference;
        long task;
        Instant due;
        Instant escalateAt;
        Instant stoppedAt;
        Instant newestEntry;
        try (EmbeddedApp first = startApp()) {
            TestApi api = first.api();
            JdbcTemplate jdbc = first.bean(JdbcTemplate.class);
            assertThat(api.advanceClock("P10D").status()).isEqualTo(200);
            reference = CaseWalk.allocatedTo(api, "maya").reference;
            task = api.awaitTask("maya", reference, "Task_MakeFirstContact");
            due = api.deadline(reference, "firstContact");
            escalateAt = escalateAt(api, reference);
            api.moveClockTo(due);
            await().atMost(Duration.ofSeconds(30)).until(() -> count(jdbc, reference, "REMINDER_SENT") == 1);
            assertThat(firstContact(api, reference).path("overdue").asBoolean()).isTrue();
            newestEntry = jdbc.queryForObject("SELECT MAX(occurred_at) FROM journey_entry WHERE case_reference = ?",
                    Timestamp.class, reference).toInstant();
            stoppedAt = now(api);
        }

        try (EmbeddedApp second = startApp()) {
            TestApi api = second.api();
            JdbcTemplate jdbc = second.bean(JdbcTemplate.class);
            assertThat(now(api)).isAfterOrEqualTo(stoppedAt);
            assertThat(api.awaitTask("maya", reference, "Task_MakeFirstContact")).isEqualTo(task);
            JsonNode firstContact = firstContact(api, reference);
            assertThat(Instant.parse(firstContact.path("dueDate").asText())).isEqualTo(due);
            assertThat(firstContact.path("overdue").asBoolean()).as("still overdue after the restart").isTrue();
            assertThat(jdbc.queryForObject("SELECT occurred_at FROM journey_entry WHERE case_reference = ? AND kind = 'JOURNEY_RECOVERED'",
                    Timestamp.class, reference).toInstant()).isAfterOrEqualTo(newestEntry);
            assertThat(count(jdbc, reference, "ESCALATION_RAISED")).as("not escalated by the restart itself").isZero();

            api.moveClockTo(escalateAt);
            await().atMost(Duration.ofSeconds(30)).until(() -> count(jdbc, reference, "ESCALATION_RAISED") == 1);
            Instant escalated = jdbc.queryForObject("SELECT occurred_at FROM journey_entry WHERE case_reference = ? AND kind = 'ESCALATION_RAISED'",
                    Timestamp.class, reference).toInstant();
            assertThat(escalated).isBetween(escalateAt, escalateAt.plus(Duration.ofMinutes(5)));
            assertThat(count(jdbc, reference, "REMINDER_SENT")).isOne();
        }
    }

    private static Instant now(TestApi api) {
        return Instant.parse(api.get("admin", "/api/engine/clock").text("now"));
    }

    private static Instant escalateAt(TestApi api, String reference) {
        for (JsonNode deadline : api.get("priya", "/api/cases/" + reference).body().path("deadlines")) {
            if ("firstContact".equals(deadline.path("name").asText())) {
                return Instant.parse(deadline.path("escalateAt").asText());
            }
        }
        throw new AssertionError("No first contact deadline on " + reference);
    }

    private static JsonNode firstContact(TestApi api, String reference) {
        for (JsonNode task : api.get("maya", "/api/tasks?case=" + reference).body()) {
            if ("Task_MakeFirstContact".equals(task.path("elementId").asText())) {
                return task;
            }
        }
        throw new AssertionError("No first contact task on " + reference);
    }

    private static int count(JdbcTemplate jdbc, String reference, String kind) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM journey_entry WHERE case_reference = ? AND kind = ?", Integer.class, reference, kind);
    }
}
