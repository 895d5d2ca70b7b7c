package org.familyjourney.casework;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.familyjourney.security.StaffMember;
import org.familyjourney.web.FormErrors;
import org.familyjourney.web.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The case page's "Restricted record" card posts here: restrict the record or name more people, and
 * lift the restriction. A mistake shows the case page again (400) with the problem beside its field and
 * what was typed kept; nothing is stored. The rules are {@link CaseRestrictions}'.
 */
@Controller
class RestrictionPage {

    private static final String CASE_VIEW = "cases/show";
    private static final String BACK = "redirect:/cases/{reference}#restriction";
    private static final String LABELS = "restriction.field.";

    private final CaseRestrictions restrictions;
    private final CaseFile caseFile;
    private final CaseAccess access;
    private final CaseRegister cases;
    private final MessageSource messages;

    RestrictionPage(CaseRestrictions restrictions, CaseFile caseFile, CaseAccess access, CaseRegister cases, MessageSource messages) {
        this.restrictions = restrictions;
        this.caseFile = caseFile;
        this.access = access;
        this.cases = cases;
        this.messages = messages;
    }

    @PostMapping("/cases/{reference}/restriction")
    @PreAuthorize("hasAnyRole('MANAGER', 'SAFEGUARDING_LEAD')")
    String restrict(@PathVariable String reference, @RequestParam(required = false) String reason,
                    @RequestParam(required = false) List<String> people, Authentication user, Model model,
                    HttpServletResponse response, RedirectAttributes flash, Locale locale) {
        StaffMember who = StaffMember.of(user);
        boolean already = restrictions.find(reference).isPresent();
        try {
            restrictions.restrict(reference, reason, people == null ? List.of() : people, who);
        } catch (InvalidInputException invalid) {
            return again(reference, who, model, response, "restriction", invalid, locale, reason, people);
        }
        flash.addFlashAttribute("message", messages.getMessage(already ? "restriction.named" : "restriction.done", null, locale));
        return BACK;
    }

    @PostMapping("/cases/{reference}/restriction/lift")
    @PreAuthorize("hasRole('SAFEGUARDING_LEAD')")
    String lift(@PathVariable String reference, @RequestParam(required = false) String reason, Authentication user, Model model,
                HttpServletResponse response, RedirectAttributes flash, Locale locale) {
        StaffMember who = StaffMember.of(user);
        try {
            restrictions.lift(reference, reason, who);
        } catch (InvalidInputException invalid) {
            return again(reference, who, model, response, "lift", invalid, locale, reason, null);
        }
        flash.addFlashAttribute("message", messages.getMessage("restriction.lifted", new Object[] {reference}, locale));
        // Without the restriction, a safeguarding lead reads the case only if it has a concern (or work of theirs).
        return access.mayRead(cases.find(reference), who) ? BACK : "redirect:/tasks";
    }

    private String again(String reference, StaffMember who, Model model, HttpServletResponse response, String form,
                         InvalidInputException invalid, Locale locale, String reason, List<String> people) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("file", caseFile.open(reference, who));
        model.addAttribute(form + "Errors", FormErrors.of(invalid.problems(), LABELS, messages, locale));
        model.addAttribute(form + "Reason", reason);
        model.addAttribute("restrictionPeople", people == null ? List.of() : people);
        return CASE_VIEW;
    }
}
