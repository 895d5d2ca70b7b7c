package org.familyjourney.deadline;

import java.time.Duration;
import java.time.Period;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A timescale as practitioners say it: "2 working days", "4 working hours", "6 weeks", "3 months",
 * or an ISO-8601 duration. Working units skip weekends and bank holidays; the others do not.
 */
public record Timescale(long amount, Unit unit) {

    public enum Unit { WORKING_DAYS, WORKING_HOURS, DAYS, WEEKS, MONTHS, HOURS, MINUTES }

    private static final Pattern SPOKEN = Pattern.compile(
            "^(\\d{1,4})\\s+(working\\s+days?|working\\s+hours?|days?|weeks?|months?|hours?|minutes?)$");

    public static Timescale parse(String text) {
        String spoken = text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        Matcher matcher = SPOKEN.matcher(spoken);
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            String unit = matcher.group(2);
            return new Timescale(amount, unitOf(unit));
        }
        try {
            if (spoken.startsWith("pt")) {
                return new Timescale(Duration.parse(spoken).toMinutes(), Unit.MINUTES);
            }
            if (spoken.startsWith("p")) {
                Period period = Period.parse(spoken);
                return period.getDays() == 0 && period.toTotalMonths() > 0
                        ? new Timescale(period.toTotalMonths(), Unit.MONTHS)
                        : new Timescale(period.getDays(), Unit.DAYS);
            }
        } catch (java.time.format.DateTimeParseException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException("'" + text + "' is not a timescale; write e.g. '2 working days', "
                + "'4 working hours', '6 weeks', '3 months' or an ISO-8601 duration such as P10D");
    }

    private static Unit unitOf(String unit) {
        if (unit.startsWith("working d")) {
            return Unit.WORKING_DAYS;
        }
        if (unit.startsWith("working h")) {
            return Unit.WORKING_HOURS;
        }
        return switch (unit.charAt(0)) {
            case 'd' -> Unit.DAYS;
            case 'w' -> Unit.WEEKS;
            case 'h' -> Unit.HOURS;
            default -> unit.startsWith("mo") ? Unit.MONTHS : Unit.MINUTES;
        };
    }

    @Override
    public String toString() {
        return amount + " " + unit.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
