package org.familyjourney.tasklist;

/** How a tray is ordered; tasks without the date come last. */
public enum TaskSort {
    DUE("due_at IS NULL, due_at, created_at, id"),
    CREATED("created_at DESC, id DESC"),
    FOLLOW_UP("follow_up_at IS NULL, follow_up_at, due_at IS NULL, due_at, id"),
    COMPLETED("completed_at DESC, id DESC");

    private final String orderBy;

    TaskSort(String orderBy) {
        this.orderBy = orderBy;
    }

    String orderBy() {
        return orderBy;
    }
}
