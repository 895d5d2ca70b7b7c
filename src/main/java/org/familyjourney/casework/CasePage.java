package org.familyjourney.casework;

import org.familyjourney.security.StaffMember;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The case page. Its two always-there actions have pages of their own, in the features that own
 * them: sessions' {@code SessionPage} and safeguarding's {@code ConcernPage}.
 */
@Controller
class CasePage {

    private static final String CASE_VIEW = "cases/show";

    private final CaseFile caseFile;

    CasePage(CaseFile caseFile) {
        this.caseFile = caseFile;
    }

    @GetMapping("/cases/{reference}")
    String show(@PathVariable String reference, Model model, Authentication user) {
        model.addAttribute("file", caseFile.open(reference, StaffMember.of(user)));
        return CASE_VIEW;
    }
}
