package org.familyjourney.tasklist;

import org.familyjourney.security.Role;
import org.familyjourney.security.StaffMember;
import org.springframework.stereotype.Component;

/**
 * Who sees which task: the assignee, the people and groups it is offered to, and managers (who
 * reassign work). Auditors read every task. Teams narrow this in a later step.
 */
@Component
class TaskVisibility {

    boolean canSee(UserTask task, StaffMember who) {
        return who.has(Role.MANAGER) || who.has(Role.AUDITOR) || who.username().equals(task.assignee())
                || who.username().equals(task.completedBy()) || isCandidate(task, who);
    }

    boolean isCandidate(UserTask task, StaffMember who) {
        return task.users().contains(who.username())
                || task.groups().stream().anyMatch(who.candidateGroups()::contains);
    }
}
