package org.familyjourney.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.familyjourney.engine.EngineGeneration;
import org.familyjourney.support.CaseWalk;
import org.familyjourney.support.EmbeddedApp;
import org.familyjourney.support.Mails;
import org.familyjourney.support.PageSession;
import org.familyjourney.support.TestApi;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The app stopped and started again on the same database, as an operator restarting the service:
 * the new, empty embedded engine gets the open journey back before any job worker runs, at the same
 * step, with the same task (id, assignee, draft), its deadline still at the same moment.
 */
class RestartRecoveryTest extends RestartedAppTest {

    @Test
    void aJourneyAtFirstContactIsBackAtFirstContactWithItsTaskAndDraftAfterARestart() {
        String reference;
        long task;
        Instant due;
        long generationBefore;
        try (EmbeddedApp first = startApp()) {
            CaseWalk walk = CaseWalk.allocatedTo(first.api(), "maya");
            reference = walk.reference;
            task = first.api().awaitTask("maya", reference, "Task_MakeFirstContact");
            PageSession maya = PageSession.signedIn(first.port(), "maya");
            maya.get("/tasks/" + task);
            assertThat(maya.postJson("/tasks/" + task + "/draft", Map.of("firstContactNotes", "Left a voicemail")).status()).isEqualTo(200);
            due = first.api().deadline(reference, "firstContact");
            generationBefore = first.bean(EngineGeneration.class).current();
        }

        try (EmbeddedApp second = startApp()) {
            TestApi api = second.api();
            JdbcTemplate jdbc = second.bean(JdbcTemplate.class);
            long generation = second.bean(EngineGeneration.class).current();
            assertThat(generation).isGreaterThan(generationBefore);
            assertThat(api.awaitTask("maya", reference, "Task_MakeFirstContact")).isEqualTo(task);
            JsonNode view = api.get("priya", "/api/cases/" + reference).body();
            assertThat(view.path("openTasks")).hasSize(1);
            assertThat(view.path("openTasks").get(0).path("assignee").asText()).isEqualTo("maya");
            assertThat(api.deadline(reference, "firstContact")).isEqualTo(due);
            PageSession maya = PageSession.signedIn(second.port(), "maya");
            assertThat(maya.getJson("/tasks/" + task + "/form").json().path("data").path("firstContactNotes").asText())
                    .isEqualTo("Left a voicemail");
            assertThat(jdbc.queryForObject("SELECT engine_generation FROM user_task WHERE id = ?", Long.class, task)).isEqualTo(generation);
            assertThat(jdbc.queryForObject("SELECT engine_generation FROM family_case WHERE reference = ?", Long.class, reference))
                    .isEqualTo(generation);
            assertThat(count(jdbc, reference, "JOURNEY_RECOVERED")).isOne();

            // The reminder fires at the deadline set before the restart, once.
            Instant now = Instant.parse(api.get("admin", "/api/engine/clock").text("now"));
            api.moveClockTo(due);
            await().atMost(Duration.ofSeconds(30)).until(() -> count(jdbc, reference, "REMINDER_SENT") == 1 && mails(reference) == 1);

            assertThat(api.completeTask("maya", task, Map.of("firstContactOutcome", "REACHED",
                    "firstContactDate", now.toString().substring(0, 10), "firstContactMethod", "PHONE",
                    "firstContactNotes", "Spoke to Sam")).status()).isEqualTo(204);
            api.awaitTask("maya", reference, "Task_AssessFamily");
            assertThat(count(jdbc, reference, "REMINDER_SENT")).isOne();
        }
    }

    private static int count(JdbcTemplate jdbc, String reference, String kind) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM journey_entry WHERE case_reference = ? AND kind = ?", Integer.class, reference, kind);
    }

    private static int mails(String reference) {
        return Mails.about(MAIL, reference);
    }
}
