package org.familyjourney.sessions;

/** How a 1:1 session with the family took place. */
public enum SessionKind {
    HOME_VISIT, PHONE, TEXT, VIDEO, OFFICE, SCHOOL
}
