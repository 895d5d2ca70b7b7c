package org.familyjourney.casework;

import org.familyjourney.security.StaffMember;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/cases")
class CaseController {

    private final CaseOverview overview;
    private final CaseReopening reopening;

    CaseController(CaseOverview overview, CaseReopening reopening) {
        this.overview = overview;
        this.reopening = reopening;
    }

    @GetMapping("/{reference}")
    CaseView one(@PathVariable String reference, Authentication user) {
        return overview.view(reference, StaffMember.of(user));
    }

    @PostMapping("/{reference}/reopen")
    @PreAuthorize("hasAnyRole('WORKER', 'MANAGER')")
    ResponseEntity<Void> reopen(@PathVariable String reference, Authentication user) {
        reopening.reopen(reference, StaffMember.of(user), overview.consentGiven(reference));
        return ResponseEntity.accepted().build();
    }
}
