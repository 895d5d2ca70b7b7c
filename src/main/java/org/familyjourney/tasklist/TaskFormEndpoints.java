package org.familyjourney.tasklist;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.familyjourney.security.StaffMember;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The task page's JSON calls (signed-in session + CSRF header): the form to render, draft saving,
 * and completion. Failures answer like the API (problem+json with errors[{field, message}]), which
 * the page shows next to the fields.
 */
@RestController
class TaskFormEndpoints {

    private final TaskForms forms;
    private final MessageSource messages;

    TaskFormEndpoints(TaskForms forms, MessageSource messages) {
        this.forms = forms;
        this.messages = messages;
    }

    @GetMapping("/tasks/{id}/form")
    Map<String, Object> form(@PathVariable long id, Authentication user, CsrfToken csrf) {
        TaskForms.OpenedForm opened = forms.open(id, StaffMember.of(user));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("schema", opened.schema());
        body.put("data", opened.data());
        body.put("readOnly", opened.readOnly());
        body.put("state", opened.task().state().name());
        body.put("draftSavedAt", opened.draftSavedAt());
        body.put("completedBy", opened.task().completedBy());
        body.put("completedAt", opened.task().completedAt());
        // A page left open across a new sign-in (another tab) needs the new session's token to post.
        body.put("csrfToken", csrf == null ? null : csrf.getToken());
        return body;
    }

    @PostMapping(path = "/tasks/{id}/draft", consumes = "application/json")
    @PreAuthorize("hasAnyRole('WORKER', 'MANAGER', 'SAFEGUARDING_LEAD')")
    Map<String, Object> draft(@PathVariable long id, @RequestBody(required = false) Map<String, Object> answers,
                              Authentication user) {
        Instant saved = forms.saveDraft(id, answers, StaffMember.of(user));
        return Map.of("savedAt", saved);
    }

    @PostMapping(path = "/tasks/{id}/complete", consumes = "application/json")
    @PreAuthorize("hasAnyRole('WORKER', 'MANAGER', 'SAFEGUARDING_LEAD')")
    Map<String, Object> complete(@PathVariable long id, @RequestBody(required = false) Map<String, Object> answers,
                                 Authentication user, HttpServletRequest request, HttpServletResponse response, Locale locale) {
        StaffMember who = StaffMember.of(user);
        TaskForms.Completion completion = forms.complete(id, answers, who);
        UserTask done = completion.done();
        String target;
        String message;
        if (completion.next().isPresent() && forms.isFor(completion.next().get(), who)) {
            UserTask next = completion.next().get();
            target = "/tasks/" + next.id();
            message = messages.getMessage("task.completed.next", new Object[] {done.name(), next.name()}, locale);
        } else if (completion.next().isPresent()) {
            UserTask next = completion.next().get();
            String holder = next.assignee() != null ? next.assignee() : String.join(", ", next.groups());
            target = "/tasks";
            message = messages.getMessage("task.completed.elsewhere", new Object[] {done.name(), next.name(), holder}, locale);
        } else {
            target = "/tasks";
            message = messages.getMessage("task.completed", new Object[] {done.name()}, locale);
        }
        FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
        flash.put("message", message);
        RequestContextUtils.saveOutputFlashMap(target, request, response);
        return Map.of("redirect", request.getContextPath() + target, "message", message);
    }
}
