package org.familyjourney.safeguarding;

/** The designated safeguarding lead's decision on a concern (the safeguarding-decision form). */
public enum SafeguardingDecision {
    NO_FURTHER_ACTION("No further safeguarding action"),
    CONTINUE_SUPPORT("Continue family support, with the concern noted"),
    STEP_UP("Step up to children's social care"),
    EMERGENCY_SERVICES("Emergency services contacted");

    private final String label;

    SafeguardingDecision(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
