package org.familyjourney.tasklist;

import java.time.Instant;
import java.util.List;

/** A task as the API shows it. */
public record TaskView(long id, String name, String elementId, String caseReference, String formId, String assignee,
                       List<String> candidateGroups, List<String> candidateUsers, Instant dueDate, Instant followUpDate,
                       Instant createdAt, String state, boolean overdue, String completedBy, Instant completedAt) {

    static TaskView of(UserTask task, Instant now) {
        return new TaskView(task.id(), task.name(), task.elementId(), task.caseReference(), task.formId(), task.assignee(),
                task.groups(), task.users(), task.dueAt(), task.followUpAt(), task.createdAt(), task.state().name(),
                task.isOverdue(now), task.completedBy(), task.completedAt());
    }
}
