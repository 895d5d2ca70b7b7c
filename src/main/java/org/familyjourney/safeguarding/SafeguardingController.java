package org.familyjourney.safeguarding;

import java.net.URI;
import java.util.Map;
import org.familyjourney.security.StaffMember;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/cases/{reference}/safeguarding-concerns")
class SafeguardingController {

    private final SafeguardingManagement management;

    SafeguardingController(SafeguardingManagement management) {
        this.management = management;
    }

    @PostMapping(consumes = "application/json")
    @PreAuthorize("hasAnyRole('WORKER', 'MANAGER', 'SAFEGUARDING_LEAD', 'ADMIN')")
    ResponseEntity<Map<String, Object>> raise(@PathVariable String reference,
                                              @RequestBody(required = false) ConcernRequest request, Authentication user) {
        long id = management.raise(reference, request, StaffMember.of(user));
        return ResponseEntity.created(URI.create("/api/cases/" + reference + "/safeguarding-concerns/" + id))
                .body(Map.of("concernId", id, "caseReference", reference,
                        "message", "The concern has been sent to the designated safeguarding lead."));
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('WORKER', 'MANAGER', 'SAFEGUARDING_LEAD', 'AUDITOR')")
    SafeguardingManagement.CaseConcerns list(@PathVariable String reference, Authentication user) {
        return management.of(reference, StaffMember.of(user));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('WORKER', 'MANAGER', 'SAFEGUARDING_LEAD', 'AUDITOR')")
    SafeguardingConcern one(@PathVariable String reference, @PathVariable long id, Authentication user) {
        return management.one(reference, id, StaffMember.of(user));
    }
}
