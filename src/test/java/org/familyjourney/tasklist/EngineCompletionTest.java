package org.familyjourney.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.CamundaClient;
import java.time.Duration;
import java.util.Map;
import org.familyjourney.support.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A completion whose answer from the engine is lost is neither lost nor done twice: asked again, the
 * engine either completes the step then or shows it already had it.
 */
class EngineCompletionTest extends ApplicationTest {

    private static final Map<String, Object> ACCEPTED = Map.of("triageDecision", "ACCEPT", "triageReason", "School attendance support");

    @Autowired
    EngineCompletion completion;
    @Autowired
    CamundaClient engine;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aCompletionAppliedButUnansweredIsFoundDoneWhenAskedAgain() {
        String reference = api.referFamily("priya");
        long job = jobOf(api.awaitTask("priya", reference, "Task_TriageReferral"));
        // The first attempt reached the engine and was applied; its answer never came back.
        engine.newCompleteCommand(job).variables(ACCEPTED).send().join();

        EngineCompletion.Outcome outcome = completion.send(job, ACCEPTED, Duration.ofNanos(1));

        assertThat(outcome).isEqualTo(EngineCompletion.Outcome.COMPLETED_ANSWER_LOST);
        api.awaitTask("priya", reference, "Task_AllocateWorker");
    }

    @Test
    void aCompletionThatNeverArrivedIsSentAgainAndAppliedOnce() {
        String reference = api.referFamily("priya");
        long job = jobOf(api.awaitTask("priya", reference, "Task_TriageReferral"));

        // A time limit no call can meet: the first attempt is lost on the way (or its answer is).
        EngineCompletion.Outcome outcome = completion.send(job, ACCEPTED, Duration.ofNanos(1));

        assertThat(outcome).isIn(EngineCompletion.Outcome.COMPLETED, EngineCompletion.Outcome.COMPLETED_ANSWER_LOST);
        api.awaitTask("priya", reference, "Task_AllocateWorker");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM user_task WHERE case_reference = ? AND element_id = 'Task_AllocateWorker'",
                Integer.class, reference)).as("the next step, once").isEqualTo(1);
    }

    @Test
    void aStepTheEngineNoLongerHasIsRefusedAsGone() {
        String reference = api.referFamily("priya");
        long job = jobOf(api.awaitTask("priya", reference, "Task_TriageReferral"));
        engine.newCompleteCommand(job).variables(ACCEPTED).send().join();

        assertThatThrownBy(() -> completion.send(job, ACCEPTED))
                .isInstanceOfSatisfying(EngineCompletion.Refused.class, refused -> assertThat(refused.gone).isTrue());
    }

    private long jobOf(long taskId) {
        return jdbc.queryForObject("SELECT job_key FROM user_task WHERE id = ?", Long.class, taskId);
    }
}
