package org.familyjourney.tasklist;

import java.util.LinkedHashMap;
import java.util.Map;
import org.familyjourney.security.Role;
import org.familyjourney.security.StaffDirectory;
import org.springframework.stereotype.Component;

/**
 * The data a task's form is opened with, beyond the task's own variables: the choices that come
 * from our records (e.g. the workers a manager can allocate). The server checks a submission
 * against the same choices.
 */
@Component
class TaskFormData {

    private final StaffDirectory staff;

    TaskFormData(StaffDirectory staff) {
        this.staff = staff;
    }

    Map<String, Object> choicesFor(UserTask task) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("availableWorkers", staff.withRole(Role.WORKER).stream()
                .map(worker -> Map.of("label", worker.displayName() + " (" + worker.username() + ")", "value", worker.username()))
                .toList());
        return data;
    }
}
