package org.familyjourney.reporting;

import java.time.Clock;
import java.util.List;
import org.familyjourney.casework.CaseAccess;
import org.familyjourney.exports.ExportJobs;
import org.familyjourney.reporting.FunderReport.FirstContact;
import org.familyjourney.security.StaffMember;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Puts the funder report together from {@link FunderFigures} and {@link FirstContactTimes}. Each
 * report looked at leaves a trace in the access log, naming the period.
 */
@Service
class FunderReports {

    private final FunderFigures figures;
    private final FirstContactTimes firstContacts;
    private final CaseAccess access;
    private final Clock clock;

    FunderReports(FunderFigures figures, FirstContactTimes firstContacts, CaseAccess access, Clock clock) {
        this.figures = figures;
        this.firstContacts = firstContacts;
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
        FirstContact firstContact = firstContacts.between(from, until);
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

    static Double median(List<Integer> values) {
        return FirstContactTimes.median(values);
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
