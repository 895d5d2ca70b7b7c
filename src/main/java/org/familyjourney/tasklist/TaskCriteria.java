package org.familyjourney.tasklist;

import java.time.Instant;

/**
 * What a list of tasks is narrowed to: a tray, and optional filters (null = any). Due dates are a
 * half-open range [dueFrom, dueBefore).
 */
public record TaskCriteria(TaskTray tray, String assignee, String candidateGroup, String caseReference, String step,
                           Instant dueFrom, Instant dueBefore, TaskSort sort, int limit) {

    public static final int MAX_LIMIT = 200;

    public TaskCriteria {
        tray = tray == null ? TaskTray.ALL_OPEN : tray;
        sort = sort == null ? (tray == TaskTray.COMPLETED ? TaskSort.COMPLETED : TaskSort.DUE) : sort;
        limit = limit <= 0 || limit > MAX_LIMIT ? MAX_LIMIT : limit;
        assignee = blankToNull(assignee);
        candidateGroup = blankToNull(candidateGroup);
        caseReference = blankToNull(caseReference);
        step = blankToNull(step);
    }

    public static TaskCriteria tray(TaskTray tray) {
        return new TaskCriteria(tray, null, null, null, null, null, null, null, MAX_LIMIT);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
