package org.familyjourney.team;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.familyjourney.incidents.JobIncident;
import org.familyjourney.reporting.FunderReport.FirstContact;

/** What the team dashboard shows, and GET /api/team/dashboard answers. Names no family. */
public record TeamDashboardView(Instant at, LocalDate weekEnds, List<Worker> workers, Totals totals,
                                List<TeamDashboard.DueTask> dueTasks, Escalations escalations, Referrals referrals,
                                FirstContact firstContact, TeamDashboard.Waiting awaitingFirstContact,
                                Incidents incidents) {

    /** One member of staff's load; "unassigned" counts open tasks nobody holds yet. */
    public record Worker(String username, String name, long openCases, long openTasks, long overdueTasks, long dueThisWeek) {
    }

    public record Totals(long openCases, long casesWithoutWorker, long openTasks, long unassignedTasks, long overdueTasks,
                         long dueThisWeek) {
    }

    public record Escalations(Map<String, Long> byState, List<TeamDashboard.KindCount> byKind,
                              List<TeamDashboard.OpenEscalation> open) {
    }

    /** Referrals of the last 12 weeks (Monday to Sunday, UK time), oldest first, per source. */
    public record Referrals(List<String> sources, List<Week> weeks, Map<String, Long> totalBySource, long total) {
    }

    public record Week(LocalDate startsOn, Map<String, Long> bySource, long total) {
    }

    public record Incidents(Map<JobIncident.State, Long> byState, List<JobIncident> current) {
        public long open() {
            return byState.getOrDefault(JobIncident.State.OPEN, 0L);
        }
    }
}
