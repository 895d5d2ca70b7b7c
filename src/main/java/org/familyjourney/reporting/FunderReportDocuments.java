package org.familyjourney.reporting;

import java.util.ArrayList;
import java.util.List;
import org.familyjourney.exports.Csv;
import org.familyjourney.exports.ExportJobs;
import org.familyjourney.exports.Pdf;

/**
 * The funder report as a spreadsheet (one row per figure: section, item, measure, value, so every
 * figure sits in one column a funder can sum) and as a PDF of tables.
 */
final class FunderReportDocuments {

    static final List<String> CSV_COLUMNS = List.of("section", "item", "measure", "value");

    private FunderReportDocuments() {
    }

    static String csv(FunderReport report) {
        List<List<?>> rows = new ArrayList<>();
        rows.add(List.of("period", "from", "date", report.from()));
        rows.add(List.of("period", "to", "date", report.to()));
        report.referralsBySource().forEach(c -> rows.add(List.of("referrals by source", c.key(), "referrals", c.count())));
        report.triage().forEach(c -> rows.add(List.of("triage", c.key(), "decisions", c.count())));
        var contact = report.firstContact();
        rows.add(List.of("first contact", "families reached", "families", contact.families()));
        rows.add(List.of("first contact", "median from allocation", "working days", text(contact.medianWorkingDays())));
        rows.add(List.of("first contact", "within " + contact.target(), "percent", text(contact.percentWithinTarget())));
        rows.add(List.of("1:1 sessions", "all", "sessions", report.sessions().count()));
        rows.add(List.of("1:1 sessions", "all", "minutes", report.sessions().minutes()));
        report.sessions().byKind().forEach(k -> {
            rows.add(List.of("1:1 sessions", k.kind(), "sessions", k.count()));
            rows.add(List.of("1:1 sessions", k.kind(), "minutes", k.minutes()));
        });
        rows.add(List.of("school meetings", "held", "meetings", report.schoolMeetingsHeld()));
        report.signposting().forEach(s -> rows.add(List.of("signposting", s.service() + " " + s.outcome(), "onward referrals", s.count())));
        report.closuresByReason().forEach(c -> rows.add(List.of("closures by reason", c.key(), "closures", c.count())));
        report.outcomes().forEach(o -> {
            rows.add(List.of("outcome scores", o.headline(), "families", o.families()));
            rows.add(List.of("outcome scores", o.headline(), "average at first assessment", o.assessed()));
            rows.add(List.of("outcome scores", o.headline(), "average at closure", o.closing()));
            rows.add(List.of("outcome scores", o.headline(), "change", o.change()));
        });
        return Csv.of(CSV_COLUMNS, rows);
    }

    static byte[] pdf(FunderReport report, ExportJobs.Progress progress) {
        progress.at(80, "writing the PDF");
        var contact = report.firstContact();
        Pdf pdf = new Pdf("Funder report " + report.from() + " to " + report.to())
                .line("Figures from every case for the period (both dates included). No family is named.");
        pdf.heading("Referrals by source (" + report.referralsTotal() + ")")
                .table(List.of("source", "referrals"), counts(report.referralsBySource()));
        pdf.heading("Triage decisions").table(List.of("decision", "referrals"), counts(report.triage()));
        pdf.heading("Time to first contact").line(contact.families() + " families reached for the first time; median "
                + text(contact.medianWorkingDays()) + " working days from allocation; " + text(contact.percentWithinTarget())
                + "% within the target of " + contact.target() + ".");
        List<List<?>> kinds = new ArrayList<>();
        report.sessions().byKind().forEach(k -> kinds.add(List.of(k.kind(), k.count(), k.minutes())));
        pdf.heading("1:1 sessions delivered: " + report.sessions().count() + " (" + report.sessions().minutes() + " minutes)")
                .table(List.of("kind", "sessions", "minutes"), kinds);
        pdf.heading("School meetings held: " + report.schoolMeetingsHeld());
        List<List<?>> signposting = new ArrayList<>();
        report.signposting().forEach(s -> signposting.add(List.of(s.service(), s.outcome(), s.count())));
        pdf.heading("Signposting by destination and outcome").table(List.of("service", "outcome", "onward referrals"), signposting);
        pdf.heading("Closures by reason").table(List.of("reason", "closures"), counts(report.closuresByReason()));
        List<List<?>> outcomes = new ArrayList<>();
        report.outcomes().forEach(o -> outcomes.add(List.of(o.headline(), o.families(), o.assessed(), o.closing(), o.change())));
        pdf.heading("Outcome scores: first assessment and closure (1-5)")
                .table(List.of("outcome headline", "families", "at first assessment", "at closure", "change"), outcomes);
        progress.at(95, "finishing");
        return pdf.bytes();
    }

    private static List<List<?>> counts(List<FunderReport.Count> counts) {
        List<List<?>> rows = new ArrayList<>();
        counts.forEach(c -> rows.add(List.of(c.key(), c.count())));
        return rows;
    }

    private static String text(Double value) {
        return value == null ? "none" : (value == Math.rint(value) ? String.valueOf(value.longValue()) : String.valueOf(value));
    }
}
