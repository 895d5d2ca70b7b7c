package org.familyjourney.tasklist;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.familyjourney.security.Role;
import org.familyjourney.security.StaffDirectory;
import org.familyjourney.security.StaffMember;
import org.familyjourney.web.ConflictException;
import org.familyjourney.web.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One task: its facts, claim / release / assign, and its Camunda form (rendered in the browser by
 * form-js from {@link TaskFormEndpoints}). Each button posts here and comes back with a message.
 */
@Controller
class TaskPage {

    private static final String TASK_VIEW = "tasks/task";

    private final TaskManagement management;
    private final TaskVisibility visibility;
    private final StaffDirectory staff;
    private final MessageSource messages;
    private final Clock clock;

    TaskPage(TaskManagement management, TaskVisibility visibility, StaffDirectory staff, MessageSource messages, Clock clock) {
        this.management = management;
        this.visibility = visibility;
        this.staff = staff;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/tasks/{id}")
    String show(@PathVariable long id, Model model, Authentication user) {
        StaffMember who = StaffMember.of(user);
        UserTask task = management.find(id, who);
        TaskActions actions = TaskActions.of(task, who, visibility);
        model.addAttribute("task", task);
        model.addAttribute("actions", actions);
        model.addAttribute("overdue", task.isOverdue(clock.instant()));
        model.addAttribute("people", actions.assign() ? assignable() : List.of());
        return TASK_VIEW;
    }

    @PostMapping("/tasks/{id}/claim")
    @PreAuthorize("hasAnyRole('WORKER', 'MANAGER', 'SAFEGUARDING_LEAD')")
    String claim(@PathVariable long id, Authentication user, RedirectAttributes flash, Locale locale) {
        return act(id, flash, () -> {
            management.claim(id, StaffMember.of(user));
            return messages.getMessage("task.claimed", null, locale);
        });
    }

    @PostMapping("/tasks/{id}/unclaim")
    @PreAuthorize("hasAnyRole('WORKER', 'MANAGER', 'SAFEGUARDING_LEAD')")
    String release(@PathVariable long id, Authentication user, RedirectAttributes flash, Locale locale) {
        return act(id, flash, () -> {
            management.unclaim(id, StaffMember.of(user));
            return messages.getMessage("task.released", null, locale);
        });
    }

    @PostMapping("/tasks/{id}/assign")
    @PreAuthorize("hasRole('MANAGER')")
    String assign(@PathVariable long id, @RequestParam(required = false) String assignee, Authentication user,
                  RedirectAttributes flash, Locale locale) {
        return act(id, flash, () -> {
            if (assignee == null || assignee.isBlank()) {
                throw new InvalidInputException("assignee", messages.getMessage("task.assign.missing", null, locale));
            }
            management.assign(id, assignee.strip(), StaffMember.of(user));
            return messages.getMessage("task.assigned", new Object[] {assignee.strip()}, locale);
        });
    }

    private String act(long id, RedirectAttributes flash, java.util.function.Supplier<String> action) {
        try {
            flash.addFlashAttribute("message", action.get());
        } catch (ConflictException e) {
            flash.addFlashAttribute("problem", e.getMessage());
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("problem", e.problems().getFirst().message());
        }
        return "redirect:/tasks/" + id;
    }

    private List<StaffDirectory.Staff> assignable() {
        List<StaffDirectory.Staff> people = new ArrayList<>(staff.withRole(Role.WORKER));
        people.addAll(staff.withRole(Role.MANAGER));
        people.addAll(staff.withRole(Role.SAFEGUARDING_LEAD));
        return people.stream().distinct().toList();
    }
}
