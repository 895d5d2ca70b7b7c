package org.familyjourney.safeguarding;

/** Where a concern came from: found when the referral was screened, or raised by staff later. */
public enum ConcernSource {
    REFERRAL, RAISED
}
