package org.familyjourney.tasklist;

import org.familyjourney.security.Role;
import org.familyjourney.security.StaffMember;

/**
 * What the signed-in person can do with a task now, so the page offers only the buttons that will
 * work. {@link TaskManagement} checks the same rules again on every request.
 */
public record TaskActions(boolean claim, boolean release, boolean assign, boolean complete) {

    static TaskActions of(UserTask task, StaffMember who, TaskVisibility visibility) {
        if (task.state() != TaskState.OPEN) {
            return new TaskActions(false, false, false, false);
        }
        boolean mine = who.username().equals(task.assignee());
        boolean candidate = visibility.isCandidate(task, who);
        boolean doer = who.has(Role.WORKER) || who.has(Role.MANAGER) || who.has(Role.SAFEGUARDING_LEAD);
        boolean excluded = who.username().equals(task.excludedUser());
        return new TaskActions(
                doer && task.assignee() == null && candidate,
                doer && task.assignee() != null && (mine || who.has(Role.MANAGER)),
                who.has(Role.MANAGER),
                doer && !excluded && (mine || (task.assignee() == null && candidate)));
    }
}
