package org.familyjourney.casework;

/** Where a case stands, in words a manager would use. */
public enum CaseStatus {
    AWAITING_TRIAGE,
    AWAITING_ALLOCATION,
    ALLOCATED,
    DECLINED,
    SIGNPOSTED,
    /** Referred on to children's social care without family support continuing. */
    STEPPED_UP,
    CLOSED,
    REOPENED;

    /** The journey of the case has ended for now (it can still be reopened). */
    public boolean isClosed() {
        return this == DECLINED || this == SIGNPOSTED || this == STEPPED_UP || this == CLOSED;
    }
}
