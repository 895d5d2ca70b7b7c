package org.familyjourney.tasklist;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.familyjourney.security.StaffMember;
import org.familyjourney.web.InvalidInputException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/tasks")
class TaskController {

    private final TaskManagement management;
    private final Clock clock;

    TaskController(TaskManagement management, Clock clock) {
        this.management = management;
        this.clock = clock;
    }

    @GetMapping
    List<TaskView> open(@RequestParam(required = false) String assignee, @RequestParam(required = false) String candidateGroup,
                        @RequestParam(name = "case", required = false) String caseReference, Authentication user) {
        Instant now = clock.instant();
        TaskCriteria criteria = new TaskCriteria(TaskTray.ALL_OPEN, assignee, candidateGroup, caseReference, null, null, null,
                TaskSort.DUE, TaskCriteria.MAX_LIMIT);
        return management.list(criteria, StaffMember.of(user)).stream().map(task -> TaskView.of(task, now)).toList();
    }

    @GetMapping("/{id}")
    TaskView one(@PathVariable long id, Authentication user) {
        return TaskView.of(management.find(id, StaffMember.of(user)), clock.instant());
    }

    @PostMapping("/{id}/claim")
    @PreAuthorize("hasAnyRole('WORKER', 'MANAGER', 'SAFEGUARDING_LEAD')")
    ResponseEntity<Void> claim(@PathVariable long id, Authentication user) {
        management.claim(id, StaffMember.of(user));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/unclaim")
    @PreAuthorize("hasAnyRole('WORKER', 'MANAGER', 'SAFEGUARDING_LEAD')")
    ResponseEntity<Void> unclaim(@PathVariable long id, Authentication user) {
        management.unclaim(id, StaffMember.of(user));
        return ResponseEntity.noContent().build();
    }

    record Assignment(String assignee) {
    }

    @PostMapping("/{id}/assign")
    @PreAuthorize("hasRole('MANAGER')")
    ResponseEntity<Void> assign(@PathVariable long id, @RequestBody Assignment assignment, Authentication user) {
        if (assignment == null || assignment.assignee() == null || assignment.assignee().isBlank()) {
            throw new InvalidInputException("assignee", "is required: the username of the worker to give the task to");
        }
        management.assign(id, assignment.assignee().strip(), StaffMember.of(user));
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/{id}/complete", consumes = "application/json")
    @PreAuthorize("hasAnyRole('WORKER', 'MANAGER', 'SAFEGUARDING_LEAD')")
    ResponseEntity<Void> complete(@PathVariable long id, @RequestBody(required = false) Map<String, Object> variables,
                                  Authentication user) {
        management.complete(id, variables == null ? Map.of() : variables, StaffMember.of(user));
        return ResponseEntity.noContent().build();
    }
}
