package org.familyjourney.incidents;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import java.time.Clock;
import java.util.Map;
import org.familyjourney.engine.EngineGeneration;
import org.familyjourney.journey.JourneyKind;
import org.familyjourney.journey.JourneyLog;
import org.familyjourney.security.RecordAccess;
import org.familyjourney.security.StaffMember;
import org.familyjourney.web.ConflictException;
import org.familyjourney.web.NotFoundException;
import org.familyjourney.web.ServiceUnavailableException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A manager retries a step that failed after its retries: the job gets its retries back and the engine's
 * incident is resolved (Zeebe's documented way for job incidents), so the engine hands the job to its
 * worker again. Marking the incident RETRIED, telling the engine and the journey entry are one
 * transaction: two managers pressing Retry at once retry once, and the step's own entries come after.
 */
@Service
public class IncidentRetry {

    private final JobIncidents incidents;
    private final RecordAccess records;
    private final IncidentKeys keys;
    private final CamundaClient client;
    private final EngineGeneration generation;
    private final JourneyLog journey;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final int retries;

    IncidentRetry(JobIncidents incidents, RecordAccess records, IncidentKeys keys, CamundaClient client, EngineGeneration generation, JourneyLog journey,
                  TransactionTemplate transaction, Clock clock, @Value("${familyjourney.jobs.retries-after-incident:3}") int retries) {
        this.incidents = incidents;
        this.records = records;
        this.keys = keys;
        this.client = client;
        this.generation = generation;
        this.journey = journey;
        this.transaction = transaction;
        this.clock = clock;
        this.retries = retries;
    }

    /** Only an incident of a case the manager may read: any other does not exist for them. */
    public JobIncident retry(long id, StaffMember manager) {
        JobIncident incident = incidents.find(id, records.readableCases(manager))
                .orElseThrow(() -> new NotFoundException("There is no incident " + id + "."));
        if (incident.state() != JobIncident.State.OPEN) {
            throw new ConflictException(incident.state() == JobIncident.State.RETRIED
                    ? "This step was already retried by " + incident.retriedBy() + " at " + incident.retriedAt() + "."
                    : "This step has completed since it failed; there is nothing to retry.", Map.of("state", incident.state().name()));
        }
        if (!generation.isCurrent(incident.engineGeneration())) {
            throw new ConflictException("This incident belongs to an earlier run of the journey engine, which no longer has the step; "
                    + "the case's open steps are re-created in the current run.");
        }
        // Looked up before the transaction: a slow search must not hold the journey's order for everyone.
        long incidentKey = incidentKey(incident);
        transaction.executeWithoutResult(tx -> {
            if (!incidents.markRetried(id, manager.username(), clock.instant())) {
                throw new ConflictException("Someone else retried this step a moment ago.");
            }
            journey.holdOrder();
            tellEngine(incident, incidentKey);
            if (incident.caseReference() != null) {
                journey.record(incident.caseReference(), JourneyKind.INCIDENT_RETRIED, incident.elementId(), manager.username(),
                        "Step '" + incident.stepName() + "' retried by " + manager.username() + " (" + retries + " more attempts)",
                        Incidents.details(incident));
            }
        });
        return incidents.find(id).orElseThrow();
    }

    private long incidentKey(JobIncident incident) {
        try {
            return keys.activeIncidentOf(incident.jobKey()).orElseThrow(() -> new ConflictException(
                    "The journey engine has no open incident for this step: it may have been resolved elsewhere (e.g. in Operate). Reload the page."));
        } catch (ConflictException missing) {
            throw missing;
        } catch (RuntimeException unanswered) {
            throw new ServiceUnavailableException("The journey engine's incident search did not answer; nothing was retried. "
                    + "Try again, or retry the incident in Operate.", unanswered);
        }
    }

    private void tellEngine(JobIncident incident, long incidentKey) {
        try {
            client.newUpdateRetriesCommand(incident.jobKey()).retries(retries).send().join();
            client.newResolveIncidentCommand(incidentKey).send().join();
        } catch (ClientStatusException refused) {
            if (refused.getStatusCode() == io.grpc.Status.Code.NOT_FOUND) {
                throw new ConflictException("The journey engine no longer has this step: the case has moved on without it.");
            }
            throw new ServiceUnavailableException("The journey engine did not accept the retry; please try again.", refused);
        } catch (RuntimeException unanswered) {
            throw new ServiceUnavailableException("The journey engine did not answer; nothing was retried. Please try again.", unanswered);
        }
    }
}
