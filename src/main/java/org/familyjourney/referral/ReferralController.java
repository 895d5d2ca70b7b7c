package org.familyjourney.referral;

import java.net.URI;
import java.security.Principal;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/referrals")
class ReferralController {

    private final ReferralIntake intake;

    ReferralController(ReferralIntake intake) {
        this.intake = intake;
    }

    @PostMapping(consumes = "application/json")
    @PreAuthorize("hasAnyRole('WORKER', 'MANAGER', 'SAFEGUARDING_LEAD', 'ADMIN')")
    ResponseEntity<Map<String, Object>> refer(@RequestBody ReferralRequest request, Principal principal) {
        ReferralIntake.Received received = intake.receive(request, principal.getName());
        return received.caseReference()
                .<ResponseEntity<Map<String, Object>>>map(reference -> ResponseEntity
                        .created(URI.create("/api/cases/" + reference))
                        .body(Map.of("caseReference", reference, "referralId", received.referralId())))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.ACCEPTED)
                        .body(Map.of("referralId", received.referralId(),
                                "message", "The referral is received; its case is being opened.")));
    }
}
