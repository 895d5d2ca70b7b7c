package org.familyjourney.reporting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.springframework.context.MessageSource;

/**
 * The report's figures as the page's charts want them: labels in words and values, joined with "|" for
 * data attributes (the page's script reads them; CSP forbids inline data scripts).
 */
record ReportCharts(List<Chart> charts) {

    record Chart(String id, String title, String type, List<String> labels, List<Number> values) {
        public String labelsJoined() {
            return String.join("|", labels);
        }

        public String valuesJoined() {
            return String.join("|", values.stream().map(String::valueOf).toList());
        }

        public boolean empty() {
            return values.isEmpty();
        }
    }

    static ReportCharts of(FunderReport report, MessageSource messages, Locale locale) {
        Function<String, String> words = key -> key.charAt(0) + key.substring(1).toLowerCase(Locale.ROOT).replace('_', ' ');
        List<Chart> charts = new ArrayList<>();
        charts.add(counts("chart-referrals", messages.getMessage("report.referrals", null, locale), "bar", report.referralsBySource(),
                key -> messages.getMessage("referral.source." + key, null, words.apply(key), locale)));
        charts.add(counts("chart-triage", messages.getMessage("report.triage", null, locale), "doughnut", report.triage(),
                key -> messages.getMessage("report.triage." + key, null, words.apply(key), locale)));
        charts.add(new Chart("chart-sessions", messages.getMessage("report.sessions", null, locale), "bar",
                report.sessions().byKind().stream().map(k -> words.apply(k.kind())).toList(),
                report.sessions().byKind().stream().map(k -> (Number) k.count()).toList()));
        Map<String, Long> byService = new LinkedHashMap<>();
        report.signposting().forEach(s -> byService.merge(words.apply(s.service()), s.count(), Long::sum));
        charts.add(new Chart("chart-signposting", messages.getMessage("report.signposting", null, locale), "bar",
                List.copyOf(byService.keySet()), byService.values().stream().map(v -> (Number) v).toList()));
        charts.add(counts("chart-closures", messages.getMessage("report.closures", null, locale), "doughnut", report.closuresByReason(),
                words));
        return new ReportCharts(charts);
    }

    private static Chart counts(String id, String title, String type, List<FunderReport.Count> counts, Function<String, String> label) {
        return new Chart(id, title, type, counts.stream().map(c -> label.apply(c.key())).toList(),
                counts.stream().map(c -> (Number) c.count()).toList());
    }
}
