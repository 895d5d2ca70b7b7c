package org.familyjourney.casework;

import org.familyjourney.security.Role;
import org.familyjourney.security.StaffDirectory;
import org.familyjourney.security.StaffMember;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The case page, and the two forms a worker must always be able to reach from it: log a 1:1 session
 * and raise a safeguarding concern. Those two are not connected yet: the services behind
 * POST /api/cases/{ref}/sessions and /safeguarding-concerns are being built elsewhere, so the forms
 * say plainly that they save nothing and tell the worker who to call instead.
 */
@Controller
class CasePage {

    private static final String CASE_VIEW = "cases/show";
    private static final String SESSION_FORM = "cases/session-form";
    private static final String CONCERN_FORM = "cases/safeguarding-form";

    private final CaseFile caseFile;
    private final StaffDirectory staff;

    CasePage(CaseFile caseFile, StaffDirectory staff) {
        this.caseFile = caseFile;
        this.staff = staff;
    }

    @GetMapping("/cases/{reference}")
    String show(@PathVariable String reference, Model model, Authentication user) {
        model.addAttribute("file", caseFile.open(reference, StaffMember.of(user)));
        return CASE_VIEW;
    }

    @GetMapping("/cases/{reference}/sessions/new")
    String sessionForm(@PathVariable String reference, Model model, Authentication user) {
        model.addAttribute("familyCase", caseFile.readable(reference, StaffMember.of(user), "1:1 session form"));
        return SESSION_FORM;
    }

    @GetMapping("/cases/{reference}/safeguarding-concerns/new")
    String concernForm(@PathVariable String reference, Model model, Authentication user) {
        model.addAttribute("familyCase", caseFile.readable(reference, StaffMember.of(user), "safeguarding concern form"));
        model.addAttribute("leads", staff.withRole(Role.SAFEGUARDING_LEAD));
        return CONCERN_FORM;
    }
}
