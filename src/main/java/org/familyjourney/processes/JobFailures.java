package org.familyjourney.processes;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.BpmnError;
import io.camunda.client.jobhandling.JobExceptionHandlingStrategy;
import io.camunda.client.metrics.MetricsRecorder;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.familyjourney.incidents.FailureDescription;
import org.familyjourney.incidents.Incidents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What happens when a worker throws. Domain outcomes (BpmnError) go to the model; anything else
 * fails the job with one retry fewer and a growing pause, so a database blip is ridden out, and
 * after the last retry the engine raises an incident carrying our message for a manager to retry, and
 * {@link Incidents} records it for the team dashboard and the case.
 * Replacing the SDK's default strategy also replaces its failure metrics, so they are recorded here:
 * camunda.job.invocations{action=failed|bpmn-error, type}, and familyjourney.job.incidents{type}
 * for every failure that leaves no retry (a journey that is stuck until someone acts).
 */
@Component
class JobFailures implements JobExceptionHandlingStrategy {

    private static final Logger log = LoggerFactory.getLogger(JobFailures.class);

    private final Duration firstPause;
    private final Duration longestPause;
    private final Duration longestOutagePause;
    private final DatabaseOutages outages;
    private final MetricsRecorder metrics;
    private final MeterRegistry meters;
    private final Incidents incidents;
    private final ProcessCatalog processes;

    JobFailures(@Value("${familyjourney.jobs.first-retry-pause:PT2S}") Duration firstPause,
                @Value("${familyjourney.jobs.longest-retry-pause:PT5M}") Duration longestPause,
                @Value("${familyjourney.jobs.database-outage-patience:PT10M}") Duration outagePatience,
                @Value("${familyjourney.jobs.longest-outage-pause:PT10S}") Duration longestOutagePause,
                MetricsRecorder metrics, MeterRegistry meters, Incidents incidents, ProcessCatalog processes) {
        this.outages = new DatabaseOutages(outagePatience);
        this.incidents = incidents;
        this.processes = processes;
        this.firstPause = firstPause;
        this.longestPause = longestPause;
        this.longestOutagePause = longestOutagePause;
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
        // The engine's incident shows our plain-words text, never a library's message quoting a family's details.
        String message = FailureDescription.of(failure).message();
        // A database outage is nobody's mistake: ride it out (growing pauses, no retry used up) for a while.
        int outageAttempt = outages.attempt(job.getKey(), failure);
        if (outageAttempt >= 0) {
            metrics.increase(MetricsRecorder.METRIC_NAME_JOB, MetricsRecorder.ACTION_FAILED, job.getType());
            log.warn("Job {} of type {} waits for the database ({}), attempt {}", job.getKey(), job.getType(), causes(failure),
                    outageAttempt + 1);
            context.jobClient().newFailCommand(job.getKey()).retries(job.getRetries()).retryBackoff(outagePause(outageAttempt))
                    .errorMessage("Waiting for the database: " + message).send();
            return;
        }
        count(failure, job);
        int retriesLeft = Math.max(0, job.getRetries() - 1);
        // Log the job and the kind of failure only: the message could carry a family's details.
        log.warn("Job {} of type {} failed ({}), {} retries left", job.getKey(), job.getType(), causes(failure), retriesLeft);
        log.debug("Failure of job {}", job.getKey(), failure);
        var sent = context.jobClient().newFailCommand(job.getKey()).retries(retriesLeft)
                .retryBackoff(pauseBefore(retriesLeft, context.jobWorkerValue().getMaxRetries()))
                .errorMessage(message).send();
        if (retriesLeft == 0 && !accepted(sent, job)) {
            return;
        }
        incidents.jobFailed(job, stepName(job), failure, retriesLeft);
    }

    /** The last failure is recorded as an incident only once the engine has taken it (and raised its own). */
    private static boolean accepted(io.camunda.client.api.CamundaFuture<?> sent, ActivatedJob job) {
        try {
            sent.join();
            return true;
        } catch (RuntimeException refused) {
            log.warn("Engine did not take the failure of job {} ({}); it will be delivered again", job.getKey(),
                    refused.getClass().getSimpleName());
            return false;
        }
    }

    private String stepName(ActivatedJob job) {
        try {
            return processes.elementName(job.getProcessDefinitionKey(), job.getElementId());
        } catch (RuntimeException unreadable) {
            return job.getElementId();
        }
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

    /**
     * The engine holds a failed job until its pause is over and cannot be told the database is back, so
     * while waiting for the database the pauses stay short: a family moves on within seconds of the
     * restart rather than after a pause that grew through the whole outage.
     */
    private Duration outagePause(int attempt) {
        Duration pause = pause(attempt);
        return pause.compareTo(longestOutagePause) > 0 ? longestOutagePause : pause;
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
}
