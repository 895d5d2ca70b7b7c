package org.familyjourney.casework;

/** Where a case stands, in words a manager would use. */
public enum CaseStatus {
    AWAITING_TRIAGE,
    AWAITING_ALLOCATION,
    ALLOCATED,
    DECLINED,
    SIGNPOSTED,
    CLOSED
}
