package org.familyjourney.processes;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.BpmnError;
import io.camunda.client.jobhandling.JobExceptionHandlingStrategy;
import io.camunda.client.metrics.MetricsRecorder;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What happens when a worker throws. Domain outcomes (BpmnError) go to the model; anything else
 * fails the job with one retry fewer and a growing pause, so a database blip is ridden out, and
 * after the last retry the engine raises an incident carrying our message for a manager to retry.
 * Replacing the SDK's default strategy also replaces its failure metrics, so they are recorded here:
 * camunda.job.invocations{action=failed|bpmn-error, type}, and familyjourney.job.incidents{type}
 * for every failure that leaves no retry (a journey that is stuck until someone acts).
 */
@Component
class JobFailures implements JobExceptionHandlingStrategy {

    private static final Logger log = LoggerFactory.getLogger(JobFailures.class);

    private final Duration firstPause;
    private final Duration longestPause;
    private final DatabaseOutages outages;
    private final MetricsRecorder metrics;
    private final MeterRegistry meters;

    JobFailures(@Value("${familyjourney.jobs.first-retry-pause:PT2S}") Duration firstPause,
                @Value("${familyjourney.jobs.longest-retry-pause:PT5M}") Duration longestPause,
                @Value("${familyjourney.jobs.database-outage-patience:PT10M}") Duration outagePatience,
                MetricsRecorder metrics, MeterRegistry meters) {
        this.outages = new DatabaseOutages(outagePatience);
        this.firstPause = firstPause;
        this.longestPause = longestPause;
        this.metrics = metrics;
        this.meters = meters;
    }

    @Override
    public void handleException(Exception failure, ExceptionHandlingContext context) {
        ActivatedJob job = context.job();
        if (failure instanceof BpmnError error) {
            count(failure, job);
            var thrown = context.jobClient().newThrowErrorCommand(job.getKey()).errorCode(error.getErrorCode())
                    .errorMessage(error.getErrorMessage());
            // A BpmnError made without variables has null ones, which the command refuses.
            (error.getVariables() == null ? thrown : thrown.variables(error.getVariables())).send();
            return;
        }
        String message = describe(failure);
        // A database outage is nobody's mistake: ride it out (growing pauses, no retry used up) for a while.
        int outageAttempt = outages.attempt(job.getKey(), failure);
        if (outageAttempt >= 0) {
            metrics.increase(MetricsRecorder.METRIC_NAME_JOB, MetricsRecorder.ACTION_FAILED, job.getType());
            log.warn("Job {} of type {} waits for the database ({}), attempt {}", job.getKey(), job.getType(), causes(failure),
                    outageAttempt + 1);
            context.jobClient().newFailCommand(job.getKey()).retries(job.getRetries()).retryBackoff(pause(outageAttempt))
                    .errorMessage("Waiting for the database: " + message).send();
            return;
        }
        count(failure, job);
        int retriesLeft = Math.max(0, job.getRetries() - 1);
        // Log the job and the kind of failure only: the message could carry a family's details.
        log.warn("Job {} of type {} failed ({}), {} retries left", job.getKey(), job.getType(), causes(failure), retriesLeft);
        log.debug("Failure of job {}", job.getKey(), failure);
        context.jobClient().newFailCommand(job.getKey()).retries(retriesLeft)
                .retryBackoff(pauseBefore(retriesLeft, context.jobWorkerValue().getMaxRetries()))
                .errorMessage(message).send();
    }

    private void count(Exception failure, ActivatedJob job) {
        if (failure instanceof BpmnError) {
            metrics.increase(MetricsRecorder.METRIC_NAME_JOB, MetricsRecorder.ACTION_BPMN_ERROR, job.getType());
            return;
        }
        metrics.increase(MetricsRecorder.METRIC_NAME_JOB, MetricsRecorder.ACTION_FAILED, job.getType());
        if (job.getRetries() <= 1) {
            meters.counter("familyjourney.job.incidents", "type", job.getType()).increment();
        }
    }

    Duration pauseBefore(int retriesLeft, Integer maxRetries) {
        return pause(Math.max(0, (maxRetries == null ? 3 : maxRetries) - retriesLeft - 1));
    }

    private Duration pause(int attempt) {
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
