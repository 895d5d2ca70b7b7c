package org.familyjourney.consent;

import java.time.Instant;

/** Sharing without the family's consent, as the law allows (safeguarding), with who decided and why. */
public record ConsentOverride(long id, String caseReference, ConsentScope scope, String sharedWith, String reason,
                              String overriddenBy, Instant overriddenAt) {

    boolean covers(ConsentScope wanted, String organisation) {
        return scope == wanted && (sharedWith == null || organisation != null && sharedWith.equalsIgnoreCase(organisation));
    }
}
