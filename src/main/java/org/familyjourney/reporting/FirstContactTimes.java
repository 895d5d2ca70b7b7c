package org.familyjourney.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.familyjourney.deadline.Timescale;
import org.familyjourney.deadline.Timescales;
import org.familyjourney.deadline.WorkingCalendar;
import org.familyjourney.reporting.FunderReport.FirstContact;
import org.familyjourney.security.CaseFilter;
import org.springframework.stereotype.Component;

/**
 * Time to first contact in working days against the configured first-contact timescale (the same one
 * the deadline uses), for families first reached in a period: the funder report's figure, which the
 * team dashboard shows too.
 */
@Component
public class FirstContactTimes {

    static final String FIRST_CONTACT = "first-contact";

    private final FunderFigures figures;
    private final WorkingCalendar calendar;
    private final Timescales timescales;

    FirstContactTimes(FunderFigures figures, WorkingCalendar calendar, Timescales timescales) {
        this.figures = figures;
        this.calendar = calendar;
        this.timescales = timescales;
    }

    /** Families first reached from {@code from} (inclusive) until {@code until} (exclusive). */
    public FirstContact between(Instant from, Instant until) {
        return between(from, until, CaseFilter.everyCase());
    }

    /** The same, for the families of the cases filtered (a team's, on the team dashboard). */
    public FirstContact between(Instant from, Instant until, CaseFilter cases) {
        List<FunderFigures.Contact> contacts = figures.firstContacts(from, until, cases);
        Timescale target = timescales.named(FIRST_CONTACT);
        if (contacts.isEmpty()) {
            return new FirstContact(0, null, null, target.toString());
        }
        List<Integer> days = new ArrayList<>();
        long within = 0;
        for (FunderFigures.Contact contact : contacts) {
            days.add(workingDaysBetween(day(contact.allocatedAt()), day(contact.reachedAt())));
            if (!contact.reachedAt().isAfter(calendar.after(contact.allocatedAt(), target))) {
                within++;
            }
        }
        return new FirstContact(contacts.size(), median(days), Math.round(10000.0 * within / contacts.size()) / 100.0, target.toString());
    }

    /** Working days after the allocation's day up to the contact's day: same day 0, next working day 1. */
    int workingDaysBetween(LocalDate allocated, LocalDate reached) {
        int days = 0;
        for (LocalDate day = allocated.plusDays(1); !day.isAfter(reached); day = day.plusDays(1)) {
            if (calendar.isWorkingDay(day)) {
                days++;
            }
        }
        return days;
    }

    static Double median(List<Integer> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Integer> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2.0;
    }

    private static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, ReportPeriod.UK);
    }
}
