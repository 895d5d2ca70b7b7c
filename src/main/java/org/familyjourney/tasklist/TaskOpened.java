package org.familyjourney.tasklist;

import java.util.List;

/** A task arrived in the tasklist; pages that show it can refresh. */
public record TaskOpened(long taskId, String caseReference, String assignee, List<String> candidateGroups) {
}
