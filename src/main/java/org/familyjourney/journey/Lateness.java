package org.familyjourney.journey;

import java.time.Duration;

/** How late something was, in the words a manager would use ("2 days 3 hours"). */
public final class Lateness {

    private Lateness() {
    }

    public static String describe(Duration late) {
        long days = late.toDays();
        long hours = late.minusDays(days).toHours();
        if (days > 0) {
            return days + (days == 1 ? " day" : " days") + (hours > 0 ? " " + hours + (hours == 1 ? " hour" : " hours") : "");
        }
        long minutes = late.minusHours(late.toHours()).toMinutes();
        return hours > 0 ? hours + (hours == 1 ? " hour" : " hours") : Math.max(1, minutes) + " minutes";
    }
}
