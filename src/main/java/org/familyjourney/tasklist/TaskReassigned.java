package org.familyjourney.tasklist;

/** A task was claimed, released or given to someone (assignee null = released); lists can refresh. */
public record TaskReassigned(long taskId, String caseReference, String assignee) {
}
