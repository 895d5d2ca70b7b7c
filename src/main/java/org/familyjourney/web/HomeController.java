package org.familyjourney.web;

import org.familyjourney.security.Role;
import org.familyjourney.security.StaffMember;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

    /** Staff start at their tasks; an auditor, who has none, starts at the case search. */
    @GetMapping("/")
    String home(Authentication user) {
        StaffMember who = StaffMember.of(user);
        boolean onlyAudits = who.has(Role.AUDITOR) && who.candidateGroups().isEmpty();
        return onlyAudits ? "redirect:/audit" : "redirect:/tasks";
    }
}
