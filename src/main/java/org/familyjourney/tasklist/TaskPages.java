package org.familyjourney.tasklist;

import java.time.Clock;
import org.familyjourney.security.StaffMember;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class TaskPages {

    private static final String TASK_LIST = "tasks/list";

    private final TaskManagement management;
    private final Clock clock;

    TaskPages(TaskManagement management, Clock clock) {
        this.management = management;
        this.clock = clock;
    }

    @GetMapping("/tasks")
    String list(Model model, Authentication user) {
        var now = clock.instant();
        model.addAttribute("tasks", management.open(StaffMember.of(user)).stream().map(t -> TaskView.of(t, now)).toList());
        return TASK_LIST;
    }
}
