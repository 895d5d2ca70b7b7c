package org.familyjourney.team;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.familyjourney.casework.CaseAccess;
import org.familyjourney.incidents.JobIncidents;
import org.familyjourney.referral.ReferralSource;
import org.familyjourney.reporting.FirstContactTimes;
import org.familyjourney.security.CaseFilter;
import org.familyjourney.security.RecordAccess;
import org.familyjourney.security.StaffDirectory;
import org.familyjourney.security.StaffMember;
import org.springframework.stereotype.Service;

/**
 * Puts the team dashboard together: loads per worker, what is overdue and due this week (to Sunday
 * night, UK time), escalations, referrals of the last 12 weeks, time to first contact over the same
 * weeks (the funder report's figure) and job incidents. A manager sees their team's cases and staff,
 * an auditor the whole service ({@link RecordAccess#teamCases}). Each look is logged as a report view.
 */
@Service
class TeamDashboards {

    static final ZoneId UK = ZoneId.of("Europe/London");
    static final int WEEKS = 12;
    static final int RESOLVED_INCIDENTS_SHOWN = 10;

    private final TeamDashboard queries;
    private final JobIncidents incidents;
    private final FirstContactTimes firstContacts;
    private final StaffDirectory staff;
    private final RecordAccess records;
    private final CaseAccess access;
    private final Clock clock;

    TeamDashboards(TeamDashboard queries, JobIncidents incidents, FirstContactTimes firstContacts, StaffDirectory staff,
                   RecordAccess records, CaseAccess access, Clock clock) {
        this.queries = queries;
        this.incidents = incidents;
        this.firstContacts = firstContacts;
        this.staff = staff;
        this.records = records;
        this.access = access;
        this.clock = clock;
    }

    TeamDashboardView show(StaffMember who, String how) {
        access.recordReportView(who, "team dashboard (" + how + ")");
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, UK);
        LocalDate sunday = today.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
        Instant weekEnds = sunday.plusDays(1).atStartOfDay(UK).toInstant();
        CaseFilter team = records.teamCases(who);
        Map<String, Long> cases = queries.openCasesByWorker(team);
        Map<String, TeamDashboard.TaskCounts> tasks = queries.openTasksByAssignee(now, weekEnds, team);
        List<TeamDashboardView.Worker> workers = workers(who, cases, tasks);
        long overdue = tasks.values().stream().mapToLong(TeamDashboard.TaskCounts::overdue).sum();
        long dueThisWeek = tasks.values().stream().mapToLong(TeamDashboard.TaskCounts::dueThisWeek).sum();
        var totals = new TeamDashboardView.Totals(cases.values().stream().mapToLong(Long::longValue).sum(),
                cases.getOrDefault(null, 0L), tasks.values().stream().mapToLong(TeamDashboard.TaskCounts::open).sum(),
                tasks.containsKey(null) ? tasks.get(null).open() : 0, overdue, dueThisWeek);
        LocalDate firstMonday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(WEEKS - 1L);
        List<LocalDate> mondays = new ArrayList<>();
        List<Instant> starts = new ArrayList<>();
        for (int week = 0; week <= WEEKS; week++) {
            mondays.add(firstMonday.plusWeeks(week));
            starts.add(firstMonday.plusWeeks(week).atStartOfDay(UK).toInstant());
        }
        return new TeamDashboardView(now, sunday, workers, totals, queries.dueTasks(now, weekEnds, team), escalations(team),
                referrals(mondays, queries.referralsByWeekAndSource(starts, team)), firstContacts.between(starts.getFirst(), now, team),
                queries.awaitingFirstContact(now, team),
                new TeamDashboardView.Incidents(incidents.countsByState(team), incidents.current(RESOLVED_INCIDENTS_SHOWN, team)));
    }

    /** The workers overseen (a manager's team), and anyone else who holds some of the cases or tasks shown. */
    private List<TeamDashboardView.Worker> workers(StaffMember who, Map<String, Long> cases, Map<String, TeamDashboard.TaskCounts> tasks) {
        Map<String, String> names = new LinkedHashMap<>();
        queries.workersOverseen(who).forEach(s -> names.put(s.username(), s.displayName()));
        TreeSet<String> others = new TreeSet<>();
        cases.keySet().stream().filter(w -> w != null && !names.containsKey(w)).forEach(others::add);
        tasks.keySet().stream().filter(w -> w != null && !names.containsKey(w)).forEach(others::add);
        others.forEach(w -> names.put(w, staff.find(w).map(StaffDirectory.Staff::displayName).orElse(w)));
        List<TeamDashboardView.Worker> workers = new ArrayList<>();
        var none = new TeamDashboard.TaskCounts(0, 0, 0);
        names.forEach((username, name) -> {
            var t = tasks.getOrDefault(username, none);
            workers.add(new TeamDashboardView.Worker(username, name, cases.getOrDefault(username, 0L), t.open(), t.overdue(), t.dueThisWeek()));
        });
        return workers;
    }

    private TeamDashboardView.Escalations escalations(CaseFilter team) {
        List<TeamDashboard.KindCount> byKind = queries.escalationsByKindAndState(team);
        Map<String, Long> byState = new TreeMap<>();
        byKind.forEach(k -> byState.merge(k.state(), k.count(), Long::sum));
        return new TeamDashboardView.Escalations(byState, byKind, queries.openEscalations(team));
    }

    private static TeamDashboardView.Referrals referrals(List<LocalDate> mondays, List<TeamDashboard.WeekSource> counts) {
        List<String> sources = java.util.Arrays.stream(ReferralSource.values()).map(Enum::name).toList();
        List<TeamDashboardView.Week> weeks = new ArrayList<>();
        Map<String, Long> totals = new LinkedHashMap<>();
        sources.forEach(s -> totals.put(s, 0L));
        for (int week = 0; week < WEEKS; week++) {
            Map<String, Long> bySource = new LinkedHashMap<>();
            sources.forEach(s -> bySource.put(s, 0L));
            for (TeamDashboard.WeekSource count : counts) {
                if (count.week() == week) {
                    bySource.merge(count.source(), count.count(), Long::sum);
                    totals.merge(count.source(), count.count(), Long::sum);
                }
            }
            weeks.add(new TeamDashboardView.Week(mondays.get(week), bySource, bySource.values().stream().mapToLong(Long::longValue).sum()));
        }
        return new TeamDashboardView.Referrals(sources, weeks, totals, totals.values().stream().mapToLong(Long::longValue).sum());
    }
}
