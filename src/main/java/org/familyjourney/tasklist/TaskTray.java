package org.familyjourney.tasklist;

/** The work trays of the tasklist, as workers and managers name them. */
public enum TaskTray {
    /** Open tasks assigned to me. */
    MINE,
    /** Open tasks offered to one of my candidate groups, whoever holds them. */
    TEAM,
    /** Open tasks I may see that nobody holds yet. */
    UNASSIGNED,
    /** Open tasks I may see whose due date has passed. */
    OVERDUE,
    /** Tasks I completed, newest first. */
    COMPLETED,
    /** Every open task I may see (the API's default). */
    ALL_OPEN
}
