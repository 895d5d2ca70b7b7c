package org.familyjourney.security;

/** One fictional demo user as the sign-in page of a demo run lists them. */
public record DemoUser(String username, String displayName, String roles) {
}
