package org.familyjourney.consent;

import java.time.Instant;

/**
 * One thing a family agreed to: the scope (and the organisation, when it names one), who agreed
 * (the parent), who recorded it and when; and, once withdrawn, when, by whom and why.
 */
public record ConsentRecord(long id, String caseReference, ConsentScope scope, String sharedWith, String givenBy,
                            Instant givenAt, String source, String recordedBy, Instant recordedAt, Instant withdrawnAt,
                            String withdrawnBy, String withdrawalRecordedBy, String withdrawalReason) {

    public boolean active() {
        return withdrawnAt == null;
    }

    /** Whether this consent covers sharing of the scope with the organisation (null = any). */
    boolean covers(ConsentScope wanted, String organisation) {
        return active() && scope == wanted
                && (sharedWith == null || organisation != null && sharedWith.equalsIgnoreCase(organisation));
    }
}
