package org.familyjourney.casework;

import org.familyjourney.security.StaffMember;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/cases")
class CaseController {

    private final CaseOverview overview;

    CaseController(CaseOverview overview) {
        this.overview = overview;
    }

    @GetMapping("/{reference}")
    CaseView one(@PathVariable String reference, Authentication user) {
        return overview.view(reference, StaffMember.of(user));
    }
}
