package org.familyjourney.referral;

/** Who referred the family. */
public enum ReferralSource {
    SCHOOL, SOCIAL_CARE, HEALTH, POLICE, VOLUNTARY, SELF, OTHER
}
