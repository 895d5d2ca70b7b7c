package org.familyjourney.tasklist;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** One line of a work tray: the task, who holds it, and whether it is overdue or due today. */
public record TaskRow(long id, String name, String caseReference, String assignee, String offeredTo, Instant dueAt,
               Instant followUpAt, Instant createdAt, Instant completedAt, String completedBy, Urgency urgency) {

    public enum Urgency { OVERDUE, DUE_TODAY, NONE }

    static TaskRow of(UserTask task, Instant now, ZoneId zone) {
        return new TaskRow(task.id(), task.name(), task.caseReference(), task.assignee(),
                String.join(", ", task.groups().isEmpty() ? task.users() : task.groups()), task.dueAt(), task.followUpAt(),
                task.createdAt(), task.completedAt(), task.completedBy(), urgency(task, now, zone));
    }

    private static Urgency urgency(UserTask task, Instant now, ZoneId zone) {
        if (task.dueAt() == null || task.state() != TaskState.OPEN) {
            return Urgency.NONE;
        }
        if (task.isOverdue(now)) {
            return Urgency.OVERDUE;
        }
        return LocalDate.ofInstant(task.dueAt(), zone).equals(LocalDate.ofInstant(now, zone)) ? Urgency.DUE_TODAY : Urgency.NONE;
    }
}
