package org.familyjourney.tasklist;

/** A task was completed; lists showing it can refresh and its drafts are gone. */
public record TaskCompleted(long taskId, String caseReference, String completedBy) {
}
