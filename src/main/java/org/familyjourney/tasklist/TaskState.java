package org.familyjourney.tasklist;

public enum TaskState {
    OPEN,
    /** Taken by one completion in flight; a second completion is refused while it lasts. */
    COMPLETING,
    COMPLETED,
    /** The journey moved on without this task (e.g. an interrupting event); nothing can be done on it. */
    CANCELED
}
