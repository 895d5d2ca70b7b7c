package org.familyjourney.signposting;

/** Where an onward referral stands; the last four are its outcomes ({@code onwardReferralOutcome}). */
public enum OnwardReferralState {
    SENT, ACCEPTED, DECLINED, NO_RESPONSE, NOT_SENT
}
