package org.familyjourney.operations;

import io.camunda.client.CamundaClient;
import io.camunda.client.annotation.customizer.JobWorkerValueCustomizer;
import io.camunda.client.annotation.value.JobWorkerValue;
import io.camunda.client.lifecycle.CamundaClientLifecycleAware;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * What the job workers of this instance are doing: which job types it serves, and whether it is
 * taking jobs, draining the jobs in hand at shutdown, or stopped. Changes no worker: it only
 * watches the SDK open and close them.
 */
@Component
public class JobWorkers implements JobWorkerValueCustomizer, CamundaClientLifecycleAware {

    public enum State { NOT_STARTED, TAKING_JOBS, PAUSED_FOR_RECYCLING, DRAINING, STOPPED }

    private final Map<String, Boolean> enabledByType = new ConcurrentHashMap<>();
    private volatile State state = State.NOT_STARTED;

    @Override
    public void customize(JobWorkerValue worker) {
        enabledByType.put(worker.getType(), !Boolean.FALSE.equals(worker.getEnabled()));
    }

    @Override
    public void onStart(CamundaClient client) {
        state = State.TAKING_JOBS;
    }

    @Override
    public void onStop(CamundaClient client) {
        // The SDK is about to close the workers; JobDrain marks the drain once they are closed.
    }

    /** Called by {@link JobDrain} once the SDK has closed every worker: no new job is taken from here on. */
    void draining() {
        state = State.DRAINING;
    }

    void stopped() {
        state = State.STOPPED;
    }

    /** The workers are closed while the embedded engine is replaced and its instances recovered. */
    public void pausedForRecycling() {
        state = State.PAUSED_FOR_RECYCLING;
    }

    public void resumedAfterRecycling() {
        state = State.TAKING_JOBS;
    }

    public State state() {
        return state;
    }

    /** Job type to whether its worker is enabled, sorted by type. */
    public Map<String, Boolean> types() {
        return new TreeMap<>(enabledByType);
    }
}
