package org.familyjourney.processes;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.BpmnError;
import io.camunda.client.jobhandling.JobExceptionHandlingStrategy;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What happens when a worker throws. Domain outcomes (BpmnError) go to the model; anything else
 * fails the job with one retry fewer and a growing pause, so a database blip is ridden out, and
 * after the last retry the engine raises an incident carrying our message for a manager to retry.
 */
@Component
class JobFailures implements JobExceptionHandlingStrategy {

    private static final Logger log = LoggerFactory.getLogger(JobFailures.class);

    private final Duration firstPause;
    private final Duration longestPause;

    JobFailures(@Value("${familyjourney.jobs.first-retry-pause:PT2S}") Duration firstPause,
                @Value("${familyjourney.jobs.longest-retry-pause:PT5M}") Duration longestPause) {
        this.firstPause = firstPause;
        this.longestPause = longestPause;
    }

    @Override
    public void handleException(Exception failure, ExceptionHandlingContext context) {
        ActivatedJob job = context.job();
        if (failure instanceof BpmnError error) {
            var thrown = context.jobClient().newThrowErrorCommand(job.getKey()).errorCode(error.getErrorCode())
                    .errorMessage(error.getErrorMessage());
            // A BpmnError made without variables has null ones, which the command refuses.
            (error.getVariables() == null ? thrown : thrown.variables(error.getVariables())).send();
            return;
        }
        int retriesLeft = Math.max(0, job.getRetries() - 1);
        String message = describe(failure);
        // Log the job and the kind of failure only: the message could carry a family's details.
        log.warn("Job {} of type {} failed ({}), {} retries left", job.getKey(), job.getType(), causes(failure), retriesLeft);
        log.debug("Failure of job {}", job.getKey(), failure);
        context.jobClient().newFailCommand(job.getKey()).retries(retriesLeft)
                .retryBackoff(pauseBefore(retriesLeft, context.jobWorkerValue().getMaxRetries()))
                .errorMessage(message).send();
    }

    Duration pauseBefore(int retriesLeft, Integer maxRetries) {
        int attempt = Math.max(0, (maxRetries == null ? 3 : maxRetries) - retriesLeft - 1);
        Duration pause = firstPause.multipliedBy(1L << Math.min(attempt, 16));
        return pause.compareTo(longestPause) > 0 ? longestPause : pause;
    }

    private static String causes(Throwable failure) {
        StringBuilder chain = new StringBuilder(failure.getClass().getSimpleName());
        for (Throwable cause = failure.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            chain.append(" <- ").append(cause.getClass().getSimpleName());
        }
        return chain.toString();
    }

    private static String describe(Exception failure) {
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return message.length() > 500 ? message.substring(0, 500) : message;
    }
}
