package org.familyjourney.referral;

/** The needs a referral raises, named after the Supporting Families outcome headlines. */
public enum Concern {
    GOOD_EDUCATION("Getting a good education (school attendance)", false),
    EARLY_YEARS("Good early years development", false),
    MENTAL_AND_PHYSICAL_HEALTH("Improved mental and physical health", false),
    SUBSTANCE_USE("Promoting recovery and reducing harm from substance use", false),
    FAMILY_RELATIONSHIPS("Improved family relationships", false),
    SAFE_FROM_ABUSE_AND_EXPLOITATION("Children safe from abuse and exploitation", true),
    CRIME_PREVENTION("Crime prevention and tackling crime", false),
    DOMESTIC_ABUSE("Safe from domestic abuse", true),
    SECURE_HOUSING("Secure housing", false),
    FINANCIAL_STABILITY("Financial stability", false);

    private final String headline;
    private final boolean safeguarding;

    Concern(String headline, boolean safeguarding) {
        this.headline = headline;
        this.safeguarding = safeguarding;
    }

    public String headline() {
        return headline;
    }

    /** A concern that on its own means the designated safeguarding lead must look at once. */
    public boolean safeguarding() {
        return safeguarding;
    }
}
