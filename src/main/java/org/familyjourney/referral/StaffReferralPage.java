package org.familyjourney.referral;

import java.util.Locale;
import java.util.Optional;
import org.familyjourney.casework.CaseAccess;
import org.familyjourney.casework.CaseRegister;
import org.familyjourney.security.StaffMember;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff key in a referral (by phone, from a letter): the same rules as the API. */
@Controller
@PreAuthorize("hasAnyRole('WORKER', 'MANAGER', 'SAFEGUARDING_LEAD', 'ADMIN')")
class StaffReferralPage {

    private final ReferralPages pages;
    private final CaseRegister cases;
    private final CaseAccess access;
    private final MessageSource messages;

    StaffReferralPage(ReferralPages pages, CaseRegister cases, CaseAccess access, MessageSource messages) {
        this.pages = pages;
        this.cases = cases;
        this.access = access;
        this.messages = messages;
    }

    @GetMapping("/referrals/new")
    String initForm(Model model) {
        return pages.show(new ReferralForm(), false, model);
    }

    @PostMapping("/referrals/new")
    String processForm(@ModelAttribute("referral") ReferralForm form, Model model, Authentication user,
                       RedirectAttributes flash, Locale locale) {
        Optional<ReferralIntake.Received> received = pages.receive(form, user.getName(), model, locale);
        if (received.isEmpty()) {
            return pages.show(form, false, model);
        }
        Optional<String> reference = received.get().caseReference();
        flash.addFlashAttribute("message", reference
                .map(ref -> messages.getMessage("referral.received.case", new Object[] {ref}, locale))
                .orElseGet(() -> messages.getMessage("referral.received.pending", null, locale)));
        StaffMember who = StaffMember.of(user);
        return reference.filter(ref -> access.mayRead(cases.find(ref), who))
                .map(ref -> "redirect:/cases/" + ref).orElse("redirect:/tasks");
    }
}
