package org.familyjourney.retention;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.time.Instant;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The retention period of a closed case ended: its personal data is replaced by placeholders.
 * Idempotent: the schedule's state moves to ANONYMISED with the change, so a redelivery does nothing.
 */
@Component
public class AnonymiseCaseWorker {

    private final CaseRetention retention;

    AnonymiseCaseWorker(CaseRetention retention) {
        this.retention = retention;
    }

    @JobWorker(type = RetentionIds.ANONYMISE_CASE, fetchVariables = {"caseReference", "anonymiseAt"})
    public Map<String, Object> anonymise(ActivatedJob job, @Variable(name = "caseReference") String caseReference,
                                         @Variable(name = "anonymiseAt") String anonymiseAt) {
        if (caseReference == null || anonymiseAt == null) {
            throw new IllegalArgumentException("Anonymising needs the caseReference and anonymiseAt variables");
        }
        boolean done = retention.anonymiseIfDue(caseReference, Instant.parse(anonymiseAt), job.getElementId());
        return Map.of("anonymised", done);
    }
}
