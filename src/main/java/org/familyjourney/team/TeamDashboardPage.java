package org.familyjourney.team;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.familyjourney.incidents.IncidentRetry;
import org.familyjourney.incidents.JobIncident;
import org.familyjourney.security.StaffMember;
import org.familyjourney.web.ConflictException;
import org.familyjourney.web.FormErrors;
import org.familyjourney.web.InvalidInputException;
import org.familyjourney.web.ServiceUnavailableException;
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
 * The team dashboard page. Moving a caseload takes two posts: the first checks the request and shows
 * what would move with a Confirm button, the second (confirmed) moves it. Auditors see the figures
 * without the forms and buttons.
 */
@Controller
@PreAuthorize("hasAnyRole('MANAGER', 'AUDITOR')")
class TeamDashboardPage {

    static final String VIEW = "team/dashboard";
    static final String HOME = "redirect:/manage/team";

    private final TeamDashboards dashboards;
    private final CaseloadReassignment reassignment;
    private final IncidentRetry retry;
    private final MessageSource messages;
    private final ObjectMapper json;

    TeamDashboardPage(TeamDashboards dashboards, CaseloadReassignment reassignment, IncidentRetry retry, MessageSource messages,
                      ObjectMapper json) {
        this.dashboards = dashboards;
        this.reassignment = reassignment;
        this.retry = retry;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping("/manage/team")
    String show(Model model, Authentication user, Locale locale) {
        fill(model, user, locale, new CaseloadReassignment.Request(null, List.of(), null, null), FormErrors.none(), null);
        return VIEW;
    }

    @PostMapping("/manage/team/caseload")
    @PreAuthorize("hasRole('MANAGER')")
    String moveCaseload(@RequestParam(required = false) String from, @RequestParam(required = false) List<String> to,
                        @RequestParam(required = false) String reason, @RequestParam(required = false) Boolean confirmed,
                        Model model, Authentication user, Locale locale, HttpServletResponse response, RedirectAttributes flash) {
        var request = new CaseloadReassignment.Request(from, to == null ? List.of() : to, reason, confirmed);
        try {
            if (!Boolean.TRUE.equals(confirmed)) {
                fill(model, user, locale, request, FormErrors.none(), reassignment.preview(request, StaffMember.of(user)));
                return VIEW;
            }
            var result = reassignment.move(request, StaffMember.of(user));
            flash.addFlashAttribute("message", messages.getMessage("team.caseload.moved",
                    new Object[] {result.cases().size(), result.tasks().size(), result.from(), String.join(", ", result.to())}, locale));
            if (!result.notMoved().isEmpty()) {
                flash.addFlashAttribute("problem", String.join(" ", result.notMoved()));
            }
            return HOME;
        } catch (InvalidInputException bad) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            fill(model, user, locale, request, FormErrors.of(bad.problems(), "team.caseload.", messages, locale), null);
            return VIEW;
        }
    }

    @PostMapping("/manage/team/incidents/{id}/retry")
    @PreAuthorize("hasRole('MANAGER')")
    String retryIncident(@PathVariable long id, Authentication user, Locale locale, RedirectAttributes flash) {
        try {
            JobIncident retried = retry.retry(id, StaffMember.of(user));
            flash.addFlashAttribute("message", messages.getMessage("team.incident.retried",
                    new Object[] {retried.stepName(), retried.caseReference() == null ? "-" : retried.caseReference()}, locale));
        } catch (ConflictException | ServiceUnavailableException refused) {
            flash.addFlashAttribute("problem", refused.getMessage());
        }
        return HOME + "#incidents";
    }

    private void fill(Model model, Authentication user, Locale locale, CaseloadReassignment.Request request, FormErrors errors,
                      CaseloadReassignment.Preview preview) {
        TeamDashboardView view = dashboards.show(StaffMember.of(user), "page");
        model.addAttribute("view", view);
        model.addAttribute("charts", TeamCharts.of(view, messages, locale, json).charts());
        model.addAttribute("workersToChoose", reassignment.workersOfTeam(StaffMember.of(user)));
        model.addAttribute("request", request);
        model.addAttribute("errors", errors);
        model.addAttribute("preview", preview);
    }
}
