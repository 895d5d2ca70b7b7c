package org.familyjourney.safeguarding;

/** A safeguarding concern as staff raise it: what they saw or heard, and what kind of concern it is. */
public record ConcernRequest(String summary, String category) {
}
