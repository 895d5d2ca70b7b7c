package org.familyjourney.referral;

import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The public referral form for schools, social care and other partners, with the family's consent.
 * Checked exactly like the API; the thank-you page says what happens next and shows no case data,
 * so the form reveals nothing about any family.
 */
@Controller
class PartnerReferralPage {

    static final String RECEIVED_BY = "partner-web-form";
    private static final String THANKS_VIEW = "referrals/thanks";

    private final ReferralPages pages;
    private final String triageTimescale;

    PartnerReferralPage(ReferralPages pages, @Value("${familyjourney.timescales.triage:1 working day}") String triageTimescale) {
        this.pages = pages;
        this.triageTimescale = triageTimescale;
    }

    @GetMapping("/partner/referral")
    String initForm(Model model) {
        return pages.show(new ReferralForm(), true, model);
    }

    @PostMapping("/partner/referral")
    String processForm(@ModelAttribute("referral") ReferralForm form, Model model, Locale locale) {
        if (pages.receive(form, RECEIVED_BY, model, locale).isEmpty()) {
            return pages.show(form, true, model);
        }
        return "redirect:/partner/referral/thanks";
    }

    @GetMapping("/partner/referral/thanks")
    String thanks(Model model) {
        model.addAttribute("triageTimescale", triageTimescale);
        return THANKS_VIEW;
    }
}
