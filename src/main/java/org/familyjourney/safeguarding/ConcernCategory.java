package org.familyjourney.safeguarding;

/** What a safeguarding concern is about, in the words staff use when they raise one. */
public enum ConcernCategory {
    DOMESTIC_ABUSE("Domestic abuse"),
    EXPLOITATION("Exploitation"),
    VIOLENCE("Violence"),
    RISK_OF_HARM("Risk of harm"),
    NEGLECT("Neglect"),
    OTHER("Other");

    private final String label;

    ConcernCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
