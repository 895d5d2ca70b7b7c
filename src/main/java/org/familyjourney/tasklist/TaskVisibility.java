package org.familyjourney.tasklist;

import org.familyjourney.security.RecordAccess;
import org.familyjourney.security.StaffMember;
import org.springframework.stereotype.Component;

/**
 * Who sees which task and who may take it: {@link RecordAccess}'s rule (teams, restricted records),
 * asked of the database so that a single task, the trays ({@link TaskQuery}) and task events agree.
 */
@Component
class TaskVisibility {

    private final RecordAccess records;

    TaskVisibility(RecordAccess records) {
        this.records = records;
    }

    boolean canSee(UserTask task, StaffMember who) {
        return task.id() != null && records.maySeeTask(task.id(), who);
    }

    boolean isCandidate(UserTask task, StaffMember who) {
        return task.id() != null && records.isCandidate(task.id(), who);
    }
}
