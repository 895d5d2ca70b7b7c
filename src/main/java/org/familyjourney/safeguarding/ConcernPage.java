package org.familyjourney.safeguarding;

import java.util.Locale;
import org.familyjourney.casework.CaseAccess;
import org.familyjourney.casework.CaseRegister;
import org.familyjourney.casework.FamilyCase;
import org.familyjourney.security.Role;
import org.familyjourney.security.StaffDirectory;
import org.familyjourney.security.StaffMember;
import org.familyjourney.web.FormErrors;
import org.familyjourney.web.InvalidInputException;
import org.familyjourney.web.ServiceUnavailableException;
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
 * Raise a safeguarding concern, from the case page, through {@link SafeguardingManagement} as the
 * API does. The page always says to call 999 and names the designated safeguarding leads, also to
 * those who may not raise a concern here (auditors) or cannot read the case: safeguarding is
 * everyone's business, and the form shows nothing about the family but its case reference.
 */
@Controller
@RequestMapping("/cases/{reference}/safeguarding-concerns/new")
class ConcernPage {

    static final String FORM_VIEW = "cases/safeguarding-form";

    private final SafeguardingManagement management;
    private final CaseRegister cases;
    private final CaseAccess access;
    private final StaffDirectory staff;
    private final MessageSource messages;

    ConcernPage(SafeguardingManagement management, CaseRegister cases, CaseAccess access, StaffDirectory staff,
                MessageSource messages) {
        this.management = management;
        this.cases = cases;
        this.access = access;
        this.staff = staff;
        this.messages = messages;
    }

    @GetMapping
    String initForm(@PathVariable String reference, Model model, Authentication user) {
        StaffMember who = StaffMember.of(user);
        FamilyCase familyCase = cases.find(reference);
        if (access.mayRead(familyCase, who)) {
            access.recordView(reference, who, "safeguarding concern form");
        }
        return show(reference, new ConcernRequest(null, null), FormErrors.none(), who, model);
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('WORKER', 'MANAGER', 'SAFEGUARDING_LEAD', 'ADMIN')")
    String processForm(@PathVariable String reference, @ModelAttribute("form") ConcernRequest form, Model model,
                       Authentication user, RedirectAttributes flash, Locale locale) {
        StaffMember who = StaffMember.of(user);
        try {
            management.raise(reference, form, who);
        } catch (InvalidInputException invalid) {
            return show(reference, form, FormErrors.of(invalid.problems(), "concern.field.", messages, locale), who, model);
        } catch (ServiceUnavailableException notRouted) {
            // Saved but not with the DSL: say so on the page that names the leads, with an empty form so it is not sent twice.
            model.addAttribute("problem", notRouted.getMessage());
            return show(reference, new ConcernRequest(null, null), FormErrors.none(), who, model);
        }
        flash.addFlashAttribute("message", messages.getMessage("concern.sent", null, locale));
        return access.mayRead(cases.find(reference), who) ? "redirect:/cases/{reference}" : "redirect:/tasks";
    }

    private String show(String reference, ConcernRequest form, FormErrors errors, StaffMember who, Model model) {
        model.addAttribute("reference", reference);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("categories", ConcernCategory.values());
        model.addAttribute("leads", staff.withRole(Role.SAFEGUARDING_LEAD));
        model.addAttribute("mayRaise", management.mayRaise(who));
        return FORM_VIEW;
    }
}
