package org.familyjourney.team;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.familyjourney.security.CaseFilter;
import org.familyjourney.security.RecordAccess;
import org.familyjourney.security.StaffDirectory;
import org.familyjourney.security.StaffMember;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Every query of the team dashboard and of caseload reassignment, in one place. The figures are
 * narrowed by a {@link CaseFilter} from {@link RecordAccess#teamCases} (a manager's team, an
 * auditor's whole service) on each row's case: the rule itself stays in RecordAccess. Each figure is
 * one aggregate over indexed columns; lists are capped.
 */
@Repository
public class TeamDashboard {

    static final int LIST_LIMIT = 50;
    /** A referral's case, or NULL before it has one (then the intake team's, as RecordAccess says). */
    private static final String REFERRAL_CASE = "(SELECT rc.reference FROM family_case rc WHERE rc.referral_id = referral.id)";

    private final NamedParameterJdbcTemplate jdbc;
    private final RecordAccess records;

    TeamDashboard(NamedParameterJdbcTemplate jdbc, RecordAccess records) {
        this.jdbc = jdbc;
        this.records = records;
    }

    /** The family support workers whose rows the person sees: a manager's team, an auditor's everyone. */
    List<StaffDirectory.Staff> workersOverseen(StaffMember who) {
        return jdbc.query("""
                SELECT u.username, u.display_name, u.email FROM app_user u JOIN app_user_role r ON r.username = u.username
                WHERE r.role = 'WORKER' AND u.enabled AND\s""" + records.overseenStaff("u.username", who) + " ORDER BY u.display_name",
                records.params(who), (rs, row) -> new StaffDirectory.Staff(rs.getString(1), rs.getString(2), rs.getString(3)));
    }

    /** Open cases (not closed) per worker; the key null counts cases with no worker yet. */
    Map<String, Long> openCasesByWorker(CaseFilter cases) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.query("SELECT worker, COUNT(*) FROM family_case oc WHERE closed_at IS NULL AND " + cases.on("oc.reference")
                        + " GROUP BY worker ORDER BY worker", cases.params(),
                (ResultSet rs) -> { counts.put(rs.getString(1), rs.getLong(2)); });
        return counts;
    }

    public record TaskCounts(long open, long overdue, long dueThisWeek) {
    }

    /** Open tasks per assignee (null = unassigned): all, overdue at {@code now}, due from now until {@code weekEnds}. */
    Map<String, TaskCounts> openTasksByAssignee(Instant now, Instant weekEnds, CaseFilter cases) {
        Map<String, TaskCounts> counts = new LinkedHashMap<>();
        jdbc.query("""
                SELECT assignee, COUNT(*), COALESCE(SUM(due_at < :now), 0), COALESCE(SUM(due_at >= :now AND due_at < :weekEnds), 0)
                FROM user_task WHERE state = 'OPEN' AND\s""" + cases.on("user_task.case_reference") + " GROUP BY assignee ORDER BY assignee",
                window(cases, now, weekEnds),
                (ResultSet rs) -> { counts.put(rs.getString(1), new TaskCounts(rs.getLong(2), rs.getLong(3), rs.getLong(4))); });
        return counts;
    }

    public record DueTask(long id, String name, String caseReference, String assignee, Instant dueAt, boolean overdue) {
    }

    /** Open tasks overdue or due before the week ends, soonest first. */
    List<DueTask> dueTasks(Instant now, Instant weekEnds, CaseFilter cases) {
        return jdbc.query("""
                SELECT id, name, case_reference, assignee, due_at FROM user_task
                WHERE state = 'OPEN' AND due_at < :weekEnds AND\s""" + cases.on("user_task.case_reference") + " ORDER BY due_at LIMIT :limit",
                window(cases, now, weekEnds).addValue("limit", LIST_LIMIT),
                (rs, row) -> {
                    Instant due = rs.getTimestamp(5).toInstant();
                    return new DueTask(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), due, due.isBefore(now));
                });
    }

    public record Waiting(long families, long pastTarget) {
    }

    /** Families allocated but not reached yet: open "Make first contact" tasks, and those past their due time. */
    Waiting awaitingFirstContact(Instant now, CaseFilter cases) {
        return jdbc.queryForObject("""
                SELECT COUNT(DISTINCT case_reference), COUNT(DISTINCT CASE WHEN due_at < :now THEN case_reference END)
                FROM user_task WHERE state = 'OPEN' AND element_id = 'Task_MakeFirstContact' AND\s""" + cases.on("user_task.case_reference"),
                cases.params().addValue("now", Timestamp.from(now)), (rs, row) -> new Waiting(rs.getLong(1), rs.getLong(2)));
    }

    public record KindCount(String kind, String state, long count) {
    }

    List<KindCount> escalationsByKindAndState(CaseFilter cases) {
        return jdbc.query("SELECT kind, state, COUNT(*) FROM escalation WHERE " + cases.on("escalation.case_reference")
                        + " GROUP BY kind, state ORDER BY kind, state", cases.params(),
                (rs, row) -> new KindCount(rs.getString(1), rs.getString(2), rs.getLong(3)));
    }

    public record OpenEscalation(long id, String caseReference, String kind, String message, Instant raisedAt, String state) {
    }

    List<OpenEscalation> openEscalations(CaseFilter cases) {
        return jdbc.query("""
                SELECT id, case_reference, kind, message, raised_at, state FROM escalation
                WHERE state = 'OPEN' AND\s""" + cases.on("escalation.case_reference") + " ORDER BY raised_at DESC LIMIT :limit",
                cases.params().addValue("limit", LIST_LIMIT),
                (rs, row) -> new OpenEscalation(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant(), rs.getString(6)));
    }

    public record WeekSource(int week, String source, long count) {
    }

    /** Referrals per week and source; {@code weekStarts} are the weeks' first instants, oldest first, then the end. */
    List<WeekSource> referralsByWeekAndSource(List<Instant> weekStarts, CaseFilter cases) {
        StringBuilder bucket = new StringBuilder("CASE");
        MapSqlParameterSource params = cases.params();
        for (int week = 1; week < weekStarts.size(); week++) {
            bucket.append(" WHEN received_at < :week").append(week).append(" THEN ").append(week - 1);
            params.addValue("week" + week, Timestamp.from(weekStarts.get(week)));
        }
        bucket.append(" END");
        params.addValue("from", Timestamp.from(weekStarts.getFirst())).addValue("until", Timestamp.from(weekStarts.getLast()));
        return jdbc.query("SELECT " + bucket + " AS week, source, COUNT(*) FROM referral WHERE received_at >= :from AND received_at < :until "
                        + "AND " + cases.on(REFERRAL_CASE) + " GROUP BY week, source ORDER BY week, source", params,
                (rs, row) -> new WeekSource(rs.getInt(1), rs.getString(2), rs.getLong(3)));
    }

    public record CaseToMove(String reference, Long processInstanceKey, Long engineGeneration) {
    }

    /** The open cases a worker holds, oldest first. */
    List<CaseToMove> openCasesOf(String worker) {
        return jdbc.query("""
                SELECT reference, process_instance_key, engine_generation FROM family_case
                WHERE worker = :worker AND closed_at IS NULL ORDER BY opened_at, id""", Map.of("worker", worker),
                (rs, row) -> new CaseToMove(rs.getString(1), (Long) rs.getObject(2), (Long) rs.getObject(3)));
    }

    public record TaskToMove(long id, String caseReference, long processInstanceKey, long engineGeneration) {
    }

    /** The open tasks a worker holds, whatever case they are on. */
    List<TaskToMove> openTasksOf(String worker) {
        return jdbc.query("""
                SELECT id, case_reference, process_instance_key, engine_generation FROM user_task
                WHERE assignee = :worker AND state = 'OPEN' ORDER BY created_at, id""", Map.of("worker", worker),
                (rs, row) -> new TaskToMove(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4)));
    }

    private static MapSqlParameterSource window(CaseFilter cases, Instant now, Instant weekEnds) {
        return cases.params().addValue("now", Timestamp.from(now)).addValue("weekEnds", Timestamp.from(weekEnds));
    }
}
