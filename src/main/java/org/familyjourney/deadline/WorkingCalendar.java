package org.familyjourney.deadline;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * Working days and hours in England and Wales: Monday to Friday, 09:00 to 17:00 UK time, less the
 * bank holidays of a data file users can update. Deadlines are computed here once and stored as
 * absolute times, so they never move when a journey is recreated.
 */
@Component
public class WorkingCalendar {

    static final ZoneId UK = ZoneId.of("Europe/London");
    private static final LocalTime OPENS = LocalTime.of(9, 0);
    private static final LocalTime CLOSES = LocalTime.of(17, 0);

    private final Set<LocalDate> bankHolidays;

    WorkingCalendar(@Value("${familyjourney.deadlines.bank-holidays:classpath:deadlines/bank-holidays-england-and-wales.txt}")
                    Resource holidays) {
        this.bankHolidays = read(holidays);
    }

    public boolean isWorkingDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY
                && !bankHolidays.contains(day);
    }

    public Instant after(Instant start, Timescale timescale) {
        ZonedDateTime from = start.atZone(UK);
        return switch (timescale.unit()) {
            case WORKING_DAYS -> addWorkingDays(from, timescale.amount()).toInstant();
            case WORKING_HOURS -> addWorkingMinutes(from, timescale.amount() * 60).toInstant();
            case DAYS -> from.plusDays(timescale.amount()).toInstant();
            case WEEKS -> from.plusWeeks(timescale.amount()).toInstant();
            case MONTHS -> from.plusMonths(timescale.amount()).toInstant();
            case HOURS -> from.plusHours(timescale.amount()).toInstant();
            case MINUTES -> from.plusMinutes(timescale.amount()).toInstant();
        };
    }

    private ZonedDateTime addWorkingDays(ZonedDateTime from, long days) {
        ZonedDateTime at = from;
        long left = days;
        while (left > 0) {
            at = at.plusDays(1);
            if (isWorkingDay(at.toLocalDate())) {
                left--;
            }
        }
        return at;
    }

    private ZonedDateTime addWorkingMinutes(ZonedDateTime from, long minutes) {
        ZonedDateTime at = openingAtOrAfter(from);
        long left = minutes;
        while (left > 0) {
            ZonedDateTime closing = at.toLocalDate().atTime(CLOSES).atZone(UK);
            long today = java.time.Duration.between(at, closing).toMinutes();
            if (left <= today) {
                return at.plusMinutes(left);
            }
            left -= today;
            at = openingAtOrAfter(closing.plusDays(1).toLocalDate().atTime(OPENS).atZone(UK));
        }
        return at;
    }

    private ZonedDateTime openingAtOrAfter(ZonedDateTime time) {
        LocalDate day = time.toLocalDate();
        LocalTime clock = time.toLocalTime();
        if (isWorkingDay(day) && !clock.isBefore(OPENS) && clock.isBefore(CLOSES)) {
            return time;
        }
        if (!isWorkingDay(day) || !clock.isBefore(CLOSES)) {
            day = day.plusDays(1);
            while (!isWorkingDay(day)) {
                day = day.plusDays(1);
            }
        }
        return day.atTime(OPENS).atZone(UK);
    }

    private static Set<LocalDate> read(Resource holidays) {
        Set<LocalDate> days = new HashSet<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(holidays.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                String date = line.replaceFirst("#.*", "").strip();
                if (date.isEmpty()) {
                    continue;
                }
                try {
                    days.add(LocalDate.parse(date));
                } catch (java.time.format.DateTimeParseException e) {
                    throw new IllegalStateException("Line " + number + " of the bank holidays file is not a date: " + date, e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the bank holidays file " + holidays, e);
        }
        return Set.copyOf(days);
    }
}
