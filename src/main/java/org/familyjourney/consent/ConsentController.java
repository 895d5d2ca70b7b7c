package org.familyjourney.consent;

import org.familyjourney.security.StaffMember;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The family's consents: read them, record one, withdraw one, or (managers, safeguarding leads) override with a reason. */
@RestController
@RequestMapping("/api/cases/{reference}")
class ConsentController {

    private final Consents consents;

    ConsentController(Consents consents) {
        this.consents = consents;
    }

    @GetMapping("/consents")
    @PreAuthorize("hasAnyRole('WORKER', 'MANAGER', 'SAFEGUARDING_LEAD', 'AUDITOR')")
    Consents.CaseConsents list(@PathVariable String reference, Authentication user) {
        return consents.view(reference, StaffMember.of(user));
    }

    @PostMapping(path = "/consents", consumes = "application/json")
    @PreAuthorize("hasAnyRole('WORKER', 'MANAGER')")
    ResponseEntity<ConsentRecord> record(@PathVariable String reference, @RequestBody(required = false) ConsentRequest request,
                                         Authentication user) {
        return ResponseEntity.status(HttpStatus.CREATED).body(consents.record(reference, request, StaffMember.of(user)));
    }

    @PostMapping(path = "/consents/{id}/withdraw", consumes = "application/json")
    @PreAuthorize("hasAnyRole('WORKER', 'MANAGER')")
    ConsentRecord withdraw(@PathVariable String reference, @PathVariable long id,
                           @RequestBody(required = false) ConsentRequest request, Authentication user) {
        return consents.withdraw(reference, id, request, StaffMember.of(user));
    }

    @PostMapping(path = "/consent-overrides", consumes = "application/json")
    @PreAuthorize("hasAnyRole('MANAGER', 'SAFEGUARDING_LEAD')")
    ResponseEntity<ConsentOverride> override(@PathVariable String reference, @RequestBody(required = false) ConsentRequest request,
                                             Authentication user) {
        return ResponseEntity.status(HttpStatus.CREATED).body(consents.override(reference, request, StaffMember.of(user)));
    }
}
