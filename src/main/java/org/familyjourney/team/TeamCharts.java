package org.familyjourney.team;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;

/**
 * The dashboard's figures as its charts want them: labels in words and one or more series, as JSON in
 * data attributes (the page's script reads them; CSP forbids inline scripts). Every figure is also in
 * the tables beside each chart, so nothing is said by colour alone.
 */
record TeamCharts(List<Chart> charts) {

    record Series(String label, List<Number> values) {
    }

    record Chart(String id, String type, boolean stacked, List<String> labels, List<Series> series, String json) {
    }

    private static final DateTimeFormatter WEEK = DateTimeFormatter.ofPattern("d MMM", Locale.UK);

    static TeamCharts of(TeamDashboardView view, MessageSource messages, Locale locale, ObjectMapper json) {
        List<Chart> charts = new ArrayList<>();
        List<String> workers = view.workers().stream().map(TeamDashboardView.Worker::name).toList();
        charts.add(chart(json, "chart-workload", "bar", false, workers, List.of(
                new Series(messages.getMessage("team.col.openCases", null, locale),
                        view.workers().stream().map(w -> (Number) w.openCases()).toList()),
                new Series(messages.getMessage("team.col.overdue", null, locale),
                        view.workers().stream().map(w -> (Number) w.overdueTasks()).toList()),
                new Series(messages.getMessage("team.col.dueThisWeek", null, locale),
                        view.workers().stream().map(w -> (Number) w.dueThisWeek()).toList()))));
        List<String> weeks = view.referrals().weeks().stream().map(w -> WEEK.format(w.startsOn())).toList();
        List<Series> bySource = view.referrals().sources().stream().map(source -> new Series(
                messages.getMessage("referral.source." + source, null, source, locale),
                view.referrals().weeks().stream().map(w -> (Number) w.bySource().get(source)).toList())).toList();
        charts.add(chart(json, "chart-referrals", "bar", true, weeks, bySource));
        Map<String, Long> states = view.escalations().byState();
        charts.add(chart(json, "chart-escalations", "doughnut", false,
                states.keySet().stream().map(s -> messages.getMessage("team.escalation.state." + s, null, s, locale)).toList(),
                List.of(new Series(messages.getMessage("team.escalations", null, locale), List.copyOf(states.values())))));
        var contact = view.firstContact();
        if (contact.families() > 0) {
            long within = Math.round(contact.families() * contact.percentWithinTarget() / 100.0);
            charts.add(chart(json, "chart-first-contact", "doughnut", false,
                    List.of(messages.getMessage("team.firstContact.within", new Object[] {contact.target()}, locale),
                            messages.getMessage("team.firstContact.later", new Object[] {contact.target()}, locale)),
                    List.of(new Series(messages.getMessage("team.firstContact", null, locale),
                            List.of(within, contact.families() - within)))));
        }
        return new TeamCharts(charts);
    }

    private static Chart chart(ObjectMapper json, String id, String type, boolean stacked, List<String> labels, List<Series> series) {
        try {
            String data = json.writeValueAsString(Map.of("labels", labels, "series", series, "stacked", stacked));
            return new Chart(id, type, stacked, labels, series, data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Chart figures are plain data", e);
        }
    }
}
