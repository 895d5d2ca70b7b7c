package org.familyjourney.sessions;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import org.familyjourney.casework.CaseFile;
import org.familyjourney.security.StaffMember;
import org.familyjourney.web.FormErrors;
import org.familyjourney.web.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Log a 1:1 session, from the case page. Checked by {@link SupportSessions} exactly as
 * POST /api/cases/{ref}/sessions is; every problem is shown beside its field with what was typed
 * kept. People who may not log sessions see the form disabled and why, and a post of theirs is refused.
 */
@Controller
@RequestMapping("/cases/{reference}/sessions/new")
class SessionPage {

    static final String FORM_VIEW = "cases/session-form";
    private static final ZoneId UK = ZoneId.of("Europe/London");

    private final SupportSessions sessions;
    private final CaseFile caseFile;
    private final MessageSource messages;
    private final Clock clock;

    SessionPage(SupportSessions sessions, CaseFile caseFile, MessageSource messages, Clock clock) {
        this.sessions = sessions;
        this.caseFile = caseFile;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    String initForm(@PathVariable String reference, Model model, Authentication user) {
        StaffMember who = StaffMember.of(user);
        caseFile.readable(reference, who, "1:1 session form");
        // Most sessions are logged the day they happen.
        SessionRequest today = new SessionRequest(LocalDate.now(clock.withZone(UK)).toString(), null, null, null);
        return show(reference, today, FormErrors.none(), who, model);
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('WORKER', 'MANAGER')")
    String processForm(@PathVariable String reference, @ModelAttribute("form") SessionRequest form, Model model,
                       Authentication user, RedirectAttributes flash, Locale locale) {
        StaffMember who = StaffMember.of(user);
        try {
            sessions.log(reference, form, who);
        } catch (InvalidInputException invalid) {
            return show(reference, form, FormErrors.of(invalid.problems(), "session.field.", messages, locale), who, model);
        }
        flash.addFlashAttribute("message", messages.getMessage("session.logged", null, locale));
        return "redirect:/cases/{reference}";
    }

    private String show(String reference, SessionRequest form, FormErrors errors, StaffMember who, Model model) {
        model.addAttribute("reference", reference);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("kinds", SessionKind.values());
        model.addAttribute("maxMinutes", SupportSessions.MAX_MINUTES);
        model.addAttribute("mayLog", sessions.mayLog(who));
        return FORM_VIEW;
    }
}
