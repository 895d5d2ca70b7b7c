package org.familyjourney.safeguarding;

/** Where a concern stands: raised, with the designated safeguarding lead, or decided. */
public enum ConcernState {
    RAISED, WITH_DSL, DECIDED
}
