package org.familyjourney.tasklist;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.familyjourney.security.StaffMember;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The work trays: my tasks, my team's, unassigned, overdue and completed by me, kept live by events. */
@Controller
class TaskPages {

    static final ZoneId UK = ZoneId.of("Europe/London");
    private static final String TASK_LIST = "tasks/list";

    private final TaskManagement management;
    private final TaskQuery query;
    private final TaskEvents events;
    private final Clock clock;

    TaskPages(TaskManagement management, TaskQuery query, TaskEvents events, Clock clock) {
        this.management = management;
        this.query = query;
        this.events = events;
        this.clock = clock;
    }

    @GetMapping("/tasks")
    String list(@RequestParam(required = false) String tray, @RequestParam(required = false) String step,
                @RequestParam(name = "case", required = false) String caseReference,
                @RequestParam(required = false) String dueFrom, @RequestParam(required = false) String dueTo,
                @RequestParam(required = false) String sort, Model model, Authentication user) {
        StaffMember who = StaffMember.of(user);
        Map<TaskTray, Integer> counts = management.trayCounts(who);
        TaskTray fallback = counts.get(TaskTray.MINE) == 0 && counts.get(TaskTray.TEAM) > 0 ? TaskTray.TEAM : TaskTray.MINE;
        TrayRequest request = TrayRequest.parse(tray, step, caseReference, dueFrom, dueTo, sort, fallback);
        Instant now = clock.instant();
        var rows = management.list(request.criteria(UK), who).stream().map(task -> TaskRow.of(task, now, UK)).toList();
        model.addAttribute("request", request);
        model.addAttribute("rows", rows);
        model.addAttribute("limited", rows.size() >= TaskCriteria.MAX_LIMIT);
        model.addAttribute("counts", counts);
        // The trays' counts are the navigation's too: no second query for the same numbers.
        model.addAttribute(NavigationCounts.ATTRIBUTE, new NavigationCounts.Counts(counts.get(TaskTray.MINE), counts.get(TaskTray.OVERDUE)));
        model.addAttribute("trays", new TaskTray[] {TaskTray.MINE, TaskTray.TEAM, TaskTray.UNASSIGNED, TaskTray.OVERDUE, TaskTray.COMPLETED});
        model.addAttribute("steps", query.openSteps());
        model.addAttribute("sorts", TaskSort.values());
        return TASK_LIST;
    }

    /** Server-sent events: "task" with {taskId, change} whenever a task the user may see opens or changes. */
    @GetMapping(path = "/tasks/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    SseEmitter events(Authentication user) {
        return events.subscribe(StaffMember.of(user));
    }
}
