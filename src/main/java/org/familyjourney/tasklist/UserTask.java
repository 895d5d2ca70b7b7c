package org.familyjourney.tasklist;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A step of a journey waiting for a person. The engine only knows it as a job; this is our own
 * record of it, with the people who may do it and, once done, who did it and what they recorded.
 */
@Table("user_task")
public record UserTask(
        @Id Long id,
        long engineGeneration,
        long jobKey,
        long processInstanceKey,
        long processDefinitionKey,
        String bpmnProcessId,
        String elementId,
        String name,
        String caseReference,
        String formId,
        String assignee,
        String candidateGroups,
        String candidateUsers,
        String excludedUser,
        String completedByVariable,
        Instant dueAt,
        Instant followUpAt,
        TaskState state,
        Instant createdAt,
        Instant completedAt,
        String completedBy,
        String outcome,
        @Version Integer version) {

    public List<String> groups() {
        return split(candidateGroups);
    }

    public List<String> users() {
        return split(candidateUsers);
    }

    public boolean isOverdue(Instant now) {
        return state == TaskState.OPEN && dueAt != null && dueAt.isBefore(now);
    }

    UserTask withAssignee(String assignee) {
        return new UserTask(id, engineGeneration, jobKey, processInstanceKey, processDefinitionKey, bpmnProcessId,
                elementId, name, caseReference, formId, assignee, candidateGroups, candidateUsers, excludedUser,
                completedByVariable, dueAt, followUpAt, state, createdAt, completedAt, completedBy, outcome, version);
    }

    UserTask inState(TaskState state) {
        return new UserTask(id, engineGeneration, jobKey, processInstanceKey, processDefinitionKey, bpmnProcessId,
                elementId, name, caseReference, formId, assignee, candidateGroups, candidateUsers, excludedUser,
                completedByVariable, dueAt, followUpAt, state, createdAt, completedAt, completedBy, outcome, version);
    }

    UserTask completed(String by, Instant at, String outcome) {
        return new UserTask(id, engineGeneration, jobKey, processInstanceKey, processDefinitionKey, bpmnProcessId,
                elementId, name, caseReference, formId, assignee == null ? by : assignee, candidateGroups,
                candidateUsers, excludedUser, completedByVariable, dueAt, followUpAt, TaskState.COMPLETED, createdAt,
                at, by, outcome, version);
    }

    private static List<String> split(String list) {
        return list == null || list.isBlank() ? List.of()
                : Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
