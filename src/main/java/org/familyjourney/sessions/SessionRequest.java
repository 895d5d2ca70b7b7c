package org.familyjourney.sessions;

/** A 1:1 session as the worker logs it; text throughout so every problem can be named at once. */
public record SessionRequest(String date, String kind, String durationMinutes, String notes) {
}
