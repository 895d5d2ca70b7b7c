package org.familyjourney.incidents;

import java.time.Instant;

/**
 * A job that failed after its retries, as a manager sees it: which step of which case, what went wrong
 * in plain words, when, after how many attempts, and what has been done about it since.
 */
public record JobIncident(long id, long engineGeneration, long jobKey, String jobType, long processInstanceKey,
                          String bpmnProcessId, String caseReference, String elementId, String stepName, String message,
                          String failure, int attempts, Instant raisedAt, State state, String retriedBy, Instant retriedAt,
                          Instant resolvedAt) {

    public enum State {
        /** The engine holds the step until someone retries it. */
        OPEN,
        /** A manager retried it; the step is running again. */
        RETRIED,
        /** The step completed after the retry. */
        RESOLVED
    }

    /** One sentence for the dashboard, the case page and the journey log. */
    public String summary() {
        String where = caseReference == null ? "" : " for case " + caseReference;
        return "Step '" + stepName + "'" + where + " failed after " + attempts + (attempts == 1 ? " attempt: " : " attempts: ") + message;
    }
}
