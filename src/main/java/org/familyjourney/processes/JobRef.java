package org.familyjourney.processes;

import io.camunda.client.api.response.ActivatedJob;

/**
 * A job as our database knows it: its key only means something together with the engine generation
 * it came from. Workers use it to make side effects happen once, however often a job is delivered.
 */
public record JobRef(long generation, long jobKey, long processInstanceKey, String elementId) {

    public static JobRef of(ActivatedJob job, long generation) {
        return new JobRef(generation, job.getKey(), job.getProcessInstanceKey(), job.getElementId());
    }
}
