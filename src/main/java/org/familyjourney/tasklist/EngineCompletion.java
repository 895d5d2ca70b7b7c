package org.familyjourney.tasklist;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.command.CompleteJobCommandStep1;
import io.grpc.Status;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends a person's completion of a task to the engine and finds out what became of it, even when the
 * engine's answer is lost. A completion that times out (a busy engine after a clock move fires
 * thousands of timers) or whose connection drops may still have been applied: treated as refused, the
 * person was asked to try again, the engine then knew no such job, and their completed step was
 * recorded as withdrawn (seen in the benchmark's soak). So an unanswered completion is sent again:
 * the engine handles commands in order, so the second one finds the job completed by the first
 * (not found), or completes it if the first never arrived.
 */
@Component
class EngineCompletion {

    private static final Logger log = LoggerFactory.getLogger(EngineCompletion.class);

    /** The engine's own refusals: the command was judged and not applied. Anything else leaves it in doubt. */
    private static final Set<Status.Code> REFUSALS = Set.of(Status.Code.NOT_FOUND, Status.Code.INVALID_ARGUMENT,
            Status.Code.FAILED_PRECONDITION, Status.Code.ALREADY_EXISTS, Status.Code.RESOURCE_EXHAUSTED,
            Status.Code.PERMISSION_DENIED, Status.Code.UNAUTHENTICATED);
    private static final List<Duration> PAUSES_BEFORE_ASKING_AGAIN = List.of(Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofSeconds(2), Duration.ofSeconds(4));

    enum Outcome {
        /** The engine completed the job on this request. */
        COMPLETED,
        /** The engine's answer was lost, and asked again it no longer had the job: it had the completion. */
        COMPLETED_ANSWER_LOST
    }

    /** The engine refused the completion, or could not be reached to say; nothing of it was applied, or it is not known. */
    static final class Refused extends RuntimeException {
        final boolean gone;

        Refused(boolean gone, String message, Throwable cause) {
            super(message, cause);
            this.gone = gone;
        }
    }

    private final CamundaClient engine;

    EngineCompletion(CamundaClient engine) {
        this.engine = engine;
    }

    Outcome send(long jobKey, Map<String, Object> variables) {
        return send(jobKey, variables, null);
    }

    /** As {@link #send(long, Map)}, with the first attempt's time limit given (tests make it lose its answer). */
    Outcome send(long jobKey, Map<String, Object> variables, Duration firstAttemptTimeout) {
        RuntimeException unanswered;
        try {
            complete(jobKey, variables, firstAttemptTimeout);
            return Outcome.COMPLETED;
        } catch (ClientStatusException e) {
            if (e.getStatusCode() == Status.Code.NOT_FOUND) {
                throw new Refused(true, "This step is no longer open.", e);
            }
            if (REFUSALS.contains(e.getStatusCode())) {
                throw refused(jobKey, e);
            }
            unanswered = e;
        } catch (RuntimeException e) {
            unanswered = e;
        }
        log.warn("The engine did not answer the completion of job {} ({}); asking again", jobKey, unanswered.getClass().getSimpleName());
        for (Duration pause : PAUSES_BEFORE_ASKING_AGAIN) {
            pause(pause);
            try {
                complete(jobKey, variables, null);
                return Outcome.COMPLETED;
            } catch (ClientStatusException e) {
                if (e.getStatusCode() == Status.Code.NOT_FOUND) {
                    log.info("The engine had the completion of job {} whose answer was lost", jobKey);
                    return Outcome.COMPLETED_ANSWER_LOST;
                }
                if (REFUSALS.contains(e.getStatusCode())) {
                    throw refused(jobKey, e);
                }
                unanswered = e;
            } catch (RuntimeException e) {
                unanswered = e;
            }
        }
        throw new Refused(false, "The journey engine did not answer; your answers were not lost. Please try again.", unanswered);
    }

    private void complete(long jobKey, Map<String, Object> variables, Duration timeout) {
        CompleteJobCommandStep1 command = engine.newCompleteCommand(jobKey).variables(variables);
        if (timeout != null) {
            command.requestTimeout(timeout).send().join();
        } else {
            command.send().join();
        }
    }

    private static Refused refused(long jobKey, ClientStatusException e) {
        // The engine's words name the job and its state, never the family: safe to log.
        log.warn("The engine refused the completion of job {}: {} {}", jobKey, e.getStatusCode(), e.getMessage());
        return new Refused(false, "The journey engine did not accept the completion; your answers were not lost. Please try again.", e);
    }

    private static void pause(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Refused(false, "Interrupted while waiting for the journey engine; your answers were not lost.", e);
        }
    }
}
