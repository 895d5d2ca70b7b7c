package org.familyjourney.journey;

import java.util.List;
import org.familyjourney.casework.CaseAccess;
import org.familyjourney.casework.CaseRegister;
import org.familyjourney.security.StaffMember;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The journey of a case for those who may read it, and the tamper check of the whole log. */
@RestController
class JourneyController {

    private final JourneyLog journey;
    private final JourneyChainCheck chain;
    private final CaseRegister cases;
    private final CaseAccess access;

    JourneyController(JourneyLog journey, JourneyChainCheck chain, CaseRegister cases, CaseAccess access) {
        this.journey = journey;
        this.chain = chain;
        this.cases = cases;
        this.access = access;
    }

    @GetMapping("/api/cases/{reference}/journey")
    List<JourneyLog.JourneyEntry> journey(@PathVariable String reference, Authentication user) {
        StaffMember who = StaffMember.of(user);
        access.checkMayRead(cases.find(reference), who);
        access.recordView(reference, who, "journey");
        return journey.of(reference);
    }

    @GetMapping("/api/audit/journey-chain")
    @PreAuthorize("hasAnyRole('AUDITOR', 'MANAGER', 'ADMIN')")
    JourneyChainCheck.Verdict verifyChain() {
        return chain.verify();
    }
}
