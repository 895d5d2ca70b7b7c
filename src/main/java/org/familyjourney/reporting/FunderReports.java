package org.familyjourney.reporting;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.familyjourney.casework.CaseAccess;
import org.familyjourney.deadline.Timescale;
import org.familyjourney.deadline.Timescales;
import org.familyjourney.deadline.WorkingCalendar;
import org.familyjourney.exports.ExportJobs;
import org.familyjourney.reporting.FunderReport.FirstContact;
import org.familyjourney.security.StaffMember;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Puts the funder report together from {@link FunderFigures}, and works out time to first contact in
 * working days against the configured first-contact timescale (the same one the deadline uses). Each
 * report looked at leaves a trace in the access log, naming the period.
 */
@Service
class FunderReports {

    static final String FIRST_CONTACT = "first-contact";

    private final FunderFigures figures;
    private final WorkingCalendar calendar;
    private final Timescales timescales;
    private final CaseAccess access;
    private final Clock clock;

    FunderReports(FunderFigures figures, WorkingCalendar calendar, Timescales timescales, CaseAccess access, Clock clock) {
        this.figures = figures;
        this.calendar = calendar;
        this.timescales = timescales;
        this.access = access;
        this.clock = clock;
    }

    ReportPeriod period(String from, String to) {
        return ReportPeriod.parse(from, to, clock);
    }

    @Transactional
    FunderReport report(ReportPeriod period, StaffMember who, String how) {
        logView(period, who, how);
        return make(period, (percent, step) -> { });
    }

    void logView(ReportPeriod period, StaffMember who, String how) {
        access.recordReportView(who, "funder report " + period.from() + " to " + period.to() + " (" + how + ")");
    }

    FunderReport make(ReportPeriod period, ExportJobs.Progress progress) {
        var from = period.startsAt();
        var until = period.endsBefore();
        progress.at(5, "referrals");
        var referrals = figures.referralsBySource(from, until);
        var triage = figures.triageDecisions(from, until);
        progress.at(25, "first contact");
        FirstContact firstContact = firstContact(figures.firstContacts(from, until));
        progress.at(40, "sessions and meetings");
        var sessions = figures.sessionsByKind(period.from(), period.to());
        var totals = new FunderReport.Sessions(sessions.stream().mapToLong(FunderReport.SessionsOfKind::count).sum(),
                sessions.stream().mapToLong(FunderReport.SessionsOfKind::minutes).sum(), sessions);
        long meetings = figures.schoolMeetingsHeld(from, until);
        progress.at(55, "signposting and closures");
        var signposting = figures.signposting(from, until);
        var closures = figures.closuresByReason(from, until);
        progress.at(70, "outcome scores");
        var outcomes = figures.outcomeChanges(from, until).stream()
                .map(c -> new FunderReport.OutcomeChange(c.headline(), c.families(), round(c.assessed()), round(c.closing()),
                        round(c.closing() - c.assessed()))).toList();
        return new FunderReport(period.from(), period.to(), clock.instant(), referrals, triage, firstContact, totals, meetings,
                signposting, closures, outcomes);
    }

    private FirstContact firstContact(List<FunderFigures.Contact> contacts) {
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
        return new FirstContact(contacts.size(), median(days), round(100.0 * within / contacts.size()), target.toString());
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

    private static LocalDate day(java.time.Instant at) {
        return LocalDate.ofInstant(at, ReportPeriod.UK);
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
