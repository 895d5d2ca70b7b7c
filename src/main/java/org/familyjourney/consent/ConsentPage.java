package org.familyjourney.consent;

import java.util.Locale;
import java.util.stream.Collectors;
import org.familyjourney.security.StaffMember;
import org.familyjourney.web.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The case page's consent card posts here: record a consent or withdraw one, then back to the card. */
@Controller
class ConsentPage {

    private static final String BACK = "redirect:/cases/{reference}#consent";

    private final Consents consents;
    private final MessageSource messages;

    ConsentPage(Consents consents, MessageSource messages) {
        this.consents = consents;
        this.messages = messages;
    }

    @PostMapping("/cases/{reference}/consents")
    @PreAuthorize("hasAnyRole('WORKER', 'MANAGER')")
    String record(@PathVariable String reference, @ModelAttribute ConsentRequest form, Authentication user,
                  RedirectAttributes flash, Locale locale) {
        try {
            consents.record(reference, form, StaffMember.of(user));
            flash.addFlashAttribute("message", messages.getMessage("consent.recorded", null, locale));
        } catch (InvalidInputException invalid) {
            flash.addFlashAttribute("consentProblems", describe(invalid));
        }
        return BACK;
    }

    @PostMapping("/cases/{reference}/consents/{id}/withdraw")
    @PreAuthorize("hasAnyRole('WORKER', 'MANAGER')")
    String withdraw(@PathVariable String reference, @PathVariable long id, @ModelAttribute ConsentRequest form,
                    Authentication user, RedirectAttributes flash, Locale locale) {
        try {
            consents.withdraw(reference, id, form, StaffMember.of(user));
            flash.addFlashAttribute("message", messages.getMessage("consent.withdrawn", null, locale));
        } catch (InvalidInputException invalid) {
            flash.addFlashAttribute("consentProblems", describe(invalid));
        }
        return BACK;
    }

    private static String describe(InvalidInputException invalid) {
        return invalid.problems().stream().map(p -> p.field() + " " + p.message()).collect(Collectors.joining("; "));
    }

}
