package org.familyjourney.referral;

import java.net.URI;
import java.security.Principal;
import java.util.Map;
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

@RestController
@RequestMapping("/api/referrals")
class ReferralController {

    /** A 202's caller asks again after this many seconds: opening a case takes a moment, longer during an engine recycle. */
    private static final String ASK_AGAIN_SECONDS = "2";

    private final ReferralIntake intake;
    private final ReferralProgress progress;

    ReferralController(ReferralIntake intake, ReferralProgress progress) {
        this.intake = intake;
        this.progress = progress;
    }

    @PostMapping(consumes = "application/json")
    @PreAuthorize("hasAnyRole('WORKER', 'MANAGER', 'SAFEGUARDING_LEAD', 'ADMIN')")
    ResponseEntity<Map<String, Object>> refer(@RequestBody ReferralRequest request, Principal principal) {
        ReferralIntake.Received received = intake.receive(request, principal.getName());
        return received.caseReference()
                .<ResponseEntity<Map<String, Object>>>map(reference -> ResponseEntity
                        .created(URI.create("/api/cases/" + reference))
                        .body(Map.of("caseReference", reference, "referralId", received.referralId())))
                .orElseGet(() -> beingOpened(received.referralId()));
    }

    /** 200 with the case's reference once the journey has opened it; until then 202, as the referral itself answered. */
    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('WORKER', 'MANAGER', 'SAFEGUARDING_LEAD', 'ADMIN')")
    ResponseEntity<Map<String, Object>> progress(@PathVariable long id, Authentication user) {
        ReferralProgress.Progress found = progress.of(id, StaffMember.of(user));
        return found.caseReference()
                .<ResponseEntity<Map<String, Object>>>map(reference -> ResponseEntity.ok()
                        .body(Map.of("caseReference", reference, "referralId", id)))
                .orElseGet(() -> beingOpened(id));
    }

    private static ResponseEntity<Map<String, Object>> beingOpened(long referralId) {
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .location(URI.create("/api/referrals/" + referralId))
                .header("Retry-After", ASK_AGAIN_SECONDS)
                .body(Map.of("referralId", referralId,
                        "message", "The referral is received; its case is being opened. Ask again at its Location."));
    }
}
