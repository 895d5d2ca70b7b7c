package org.familyjourney.incidents;

import io.camunda.client.api.response.ActivatedJob;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.familyjourney.engine.EngineGeneration;
import org.familyjourney.journey.JourneyKind;
import org.familyjourney.journey.JourneyLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Our side of the engine's job incidents. Every failed attempt is counted; when the last retry fails
 * (the engine raises an incident) the incident is recorded with the step, the case, what went wrong in
 * plain words and how many attempts were made, and the case's journey says so. When a job a manager
 * retried then does its work, the incident is marked resolved. Recording never stops the job from
 * being failed in the engine: if the database is what failed, the engine's incident is still there.
 */
@Service
public class Incidents {

    private static final Logger log = LoggerFactory.getLogger(Incidents.class);
    private static final Pattern CASE_REFERENCE = Pattern.compile("FJ-\\d{4}-\\d{1,12}");
    private static final int MAX_TRACKED = 10_000;

    private final JobIncidents incidents;
    private final JourneyLog journey;
    private final EngineGeneration generation;
    private final TransactionTemplate transaction;
    private final Clock clock;
    /** Failed attempts per job since it last had its retries set; this instance's view, which is all it needs. */
    private final Map<Long, Integer> attempts = new ConcurrentHashMap<>();

    Incidents(JobIncidents incidents, JourneyLog journey, EngineGeneration generation, TransactionTemplate transaction, Clock clock) {
        this.incidents = incidents;
        this.journey = journey;
        this.generation = generation;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** A worker threw (not a BPMN error); retriesLeft is what the job was failed with. */
    public void jobFailed(ActivatedJob job, String stepName, Throwable failure, int retriesLeft) {
        if (attempts.size() > MAX_TRACKED) {
            attempts.clear();
        }
        int tried = attempts.merge(job.getKey(), 1, Integer::sum);
        if (retriesLeft > 0) {
            return;
        }
        attempts.remove(job.getKey());
        FailureDescription description = FailureDescription.of(failure);
        String caseReference = caseReference(job);
        try {
            transaction.executeWithoutResult(tx -> {
                JobIncident incident = incidents.raise(new JobIncidents.Raised(generation.current(), job.getKey(), job.getType(),
                        job.getProcessInstanceKey(), job.getProcessDefinitionKey(), job.getBpmnProcessId(), caseReference,
                        job.getElementId(), stepName, description, tried, clock.instant()));
                if (caseReference != null) {
                    journey.record(caseReference, JourneyKind.INCIDENT_RAISED, job.getElementId(), JourneyLog.SYSTEM,
                            incident.summary(), details(incident));
                }
            });
        } catch (RuntimeException notRecorded) {
            // Often the database itself is what failed; the engine still holds the incident (see README).
            log.warn("Incident of job {} of type {} not recorded ({})", job.getKey(), job.getType(), notRecorded.getClass().getSimpleName());
        }
    }

    /** A job's handler finished without failing: a retried incident of it is resolved. */
    public void jobDone(ActivatedJob job) {
        attempts.remove(job.getKey());
        try {
            resolveIfRetried(job);
        } catch (RuntimeException notRecorded) {
            // The step did its work; failing it now would run it twice. The incident stays RETRIED.
            log.warn("Resolution of job {} of type {} not recorded ({})", job.getKey(), job.getType(), notRecorded.getClass().getSimpleName());
        }
    }

    private void resolveIfRetried(ActivatedJob job) {
        transaction.executeWithoutResult(tx -> {
            if (incidents.markResolvedAfterRetry(generation.current(), job.getKey(), clock.instant())) {
                incidents.ofJob(generation.current(), job.getKey()).filter(i -> i.caseReference() != null).ifPresent(incident ->
                        journey.record(incident.caseReference(), JourneyKind.INCIDENT_RESOLVED, incident.elementId(), JourneyLog.SYSTEM,
                                "Step '" + incident.stepName() + "' completed after "
                                + (incident.retriedBy() == null ? "a retry outside the app" : incident.retriedBy() + " retried it"), details(incident)));
            }
        });
    }

    static Map<String, Object> details(JobIncident incident) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("incident", incident.id());
        details.put("jobType", incident.jobType());
        details.put("jobKey", incident.jobKey());
        details.put("engineGeneration", incident.engineGeneration());
        details.put("attempts", incident.attempts());
        details.put("failure", incident.failure());
        return details;
    }

    /** Only a value shaped like one of our case references is kept: nothing else of the job's variables. */
    private static String caseReference(ActivatedJob job) {
        try {
            Object value = job.getVariablesAsMap().get("caseReference");
            return value instanceof String text && CASE_REFERENCE.matcher(text).matches() ? text : null;
        } catch (RuntimeException unreadable) {
            return null;
        }
    }
}
