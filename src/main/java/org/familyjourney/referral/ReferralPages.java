package org.familyjourney.referral;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.familyjourney.web.FormErrors;
import org.familyjourney.web.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What the staff and partner referral pages share: the form's choices, and receiving a posted form
 * through {@link ReferralIntake} exactly as the API does, with its problems put back on the form.
 */
@Component
class ReferralPages {

    static final String FORM_VIEW = "referrals/form";

    private final ReferralIntake intake;
    private final MessageSource messages;

    ReferralPages(ReferralIntake intake, MessageSource messages) {
        this.intake = intake;
        this.messages = messages;
    }

    /** The referral received, or empty with the problems added to the model for the form to show. */
    Optional<ReferralIntake.Received> receive(ReferralForm form, String receivedBy, Model model, Locale locale) {
        try {
            return Optional.of(intake.receive(form.toRequest(), receivedBy));
        } catch (InvalidInputException invalid) {
            model.addAttribute("errors", FormErrors.of(form.onForm(invalid.problems()), messages, locale));
            return Optional.empty();
        }
    }

    String show(ReferralForm form, boolean partner, Model model) {
        form.padChildren();
        model.addAttribute("referral", form);
        model.addAttribute("partner", partner);
        model.addAttribute("sources", Arrays.stream(ReferralSource.values())
                .filter(source -> !partner || source != ReferralSource.SELF).toList());
        model.addAttribute("concernChoices", Concern.values());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", FormErrors.none());
        }
        return FORM_VIEW;
    }
}
