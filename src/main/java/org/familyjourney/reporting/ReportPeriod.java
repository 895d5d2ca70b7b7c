package org.familyjourney.reporting;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.familyjourney.web.DateFields;
import org.familyjourney.web.FieldProblem;
import org.familyjourney.web.InvalidInputException;

/** The period of a report: UK dates, both included; without dates, the twelve months up to today. */
record ReportPeriod(LocalDate from, LocalDate to) {

    static final ZoneId UK = ZoneId.of("Europe/London");

    /** Parses the query's from/to; bad ones are refused naming each field (400 by the API, a page error on the page). */
    static ReportPeriod parse(String from, String to, Clock clock) {
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate start = DateFields.optional("from", from, problems);
        LocalDate end = DateFields.optional("to", to, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), UK);
        end = end == null ? today : end;
        start = start == null ? end.minusYears(1).plusDays(1) : start;
        if (end.isBefore(start)) {
            throw new InvalidInputException("to", "must be on or after the from date (" + start + ")");
        }
        return new ReportPeriod(start, end);
    }

    Instant startsAt() {
        return from.atStartOfDay(UK).toInstant();
    }

    /** The first instant after the period (the end date is included). */
    Instant endsBefore() {
        return to.plusDays(1).atStartOfDay(UK).toInstant();
    }
}
