package org.familyjourney.audit;

import org.familyjourney.journey.JourneyChainCheck;
import org.familyjourney.journey.JourneyKind;
import org.familyjourney.journey.JourneyLog;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Has anyone changed the journey log behind the app's back? The hash chain's verdict, naming the
 * first broken entry, any rebuild of the chain (V120 re-hashed it once, to move old free text beside it),
 * and the process versions deployed (changes of procedure, from the same log).
 */
@Controller
@PreAuthorize("hasAnyRole('AUDITOR', 'MANAGER', 'ADMIN')")
class ChainCheckPage {

    static final String CHAIN_VIEW = "audit/chain";
    static final int DEPLOYMENTS_SHOWN = 50;
    static final int REBUILDS_SHOWN = 10;

    private final JourneyChainCheck chain;
    private final JourneyLog journey;

    ChainCheckPage(JourneyChainCheck chain, JourneyLog journey) {
        this.chain = chain;
        this.journey = journey;
    }

    @GetMapping("/audit/chain")
    String check(Model model) {
        JourneyChainCheck.Verdict verdict = chain.verify();
        model.addAttribute("verdict", verdict);
        model.addAttribute("broken", verdict.firstBrokenEntry() == null ? null : brokenEntry(verdict.firstBrokenEntry()));
        model.addAttribute("rebuilds", journey.ofService(JourneyKind.JOURNEY_REHASHED, REBUILDS_SHOWN));
        model.addAttribute("deployments", journey.ofService(JourneyKind.PROCESS_DEPLOYED, DEPLOYMENTS_SHOWN));
        return CHAIN_VIEW;
    }

    private JourneyLog.JourneyEntry brokenEntry(long id) {
        try {
            return journey.entry(id).orElse(null);
        } catch (IllegalArgumentException garbled) {
            // Its kind was overwritten with something that is no kind: the verdict alone says enough.
            return null;
        }
    }
}
