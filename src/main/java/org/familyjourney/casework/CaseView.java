package org.familyjourney.casework;

import java.time.Instant;
import java.util.List;

/** A case as the API shows it: where it stands, who holds it, what is due and what is open. */
public record CaseView(String reference, String status, String worker, Instant openedAt, Instant closedAt,
                       String source, List<String> concerns, boolean safeguardingIndicated, List<String> currentSteps,
                       List<DeadlineView> deadlines, List<OpenTask> openTasks, List<EscalationView> escalations) {

    public record DeadlineView(String name, Instant dueAt, Instant escalateAt) {
    }

    public record OpenTask(long id, String name, String elementId, String assignee, List<String> candidateGroups,
                           Instant dueDate) {
    }

    public record EscalationView(String kind, String message, Instant raisedAt, String state) {
    }
}
