package org.familyjourney.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The figures funders ask for over a period, drawn from every case and naming no family: referrals
 * by source, triage decisions, time to first contact, 1:1 sessions, school meetings, signposting,
 * closures and the change in outcome scores from first assessment to closure.
 */
public record FunderReport(LocalDate from, LocalDate to, Instant madeAt, List<Count> referralsBySource, List<Count> triage,
                           FirstContact firstContact, Sessions sessions, long schoolMeetingsHeld,
                           List<Signposting> signposting, List<Count> closuresByReason, List<OutcomeChange> outcomes) {

    public record Count(String key, long count) {
    }

    /**
     * First contact: the completion of "Make first contact" with the family reached, measured from the
     * completion of "Allocate worker", in working days (weekends and bank holidays skipped).
     */
    public record FirstContact(long families, Double medianWorkingDays, Double percentWithinTarget, String target) {
    }

    public record Sessions(long count, long minutes, List<SessionsOfKind> byKind) {
    }

    public record SessionsOfKind(String kind, long count, long minutes) {
    }

    public record Signposting(String service, String outcome, long count) {
    }

    /** Average score per outcome headline at the first assessment and at closure (1-5, higher is better). */
    public record OutcomeChange(String headline, long families, double assessed, double closing, double change) {
    }

    public long referralsTotal() {
        return referralsBySource.stream().mapToLong(Count::count).sum();
    }
}
