package org.familyjourney.team;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Every query of the team dashboard and of caseload reassignment, in one place: when teams arrive, the
 * team filter (cases of the team's workers, tasks of the team) is added here and nowhere else. Each
 * figure is one aggregate over indexed columns; lists are capped.
 */
@Repository
public class TeamDashboard {

    static final int LIST_LIMIT = 50;

    private final JdbcTemplate jdbc;

    TeamDashboard(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Open cases (not closed) per worker; the key null counts cases with no worker yet. */
    Map<String, Long> openCasesByWorker() {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.query("SELECT worker, COUNT(*) FROM family_case WHERE closed_at IS NULL GROUP BY worker ORDER BY worker",
                (ResultSet rs) -> { counts.put(rs.getString(1), rs.getLong(2)); });
        return counts;
    }

    public record TaskCounts(long open, long overdue, long dueThisWeek) {
    }

    /** Open tasks per assignee (null = unassigned): all, overdue at {@code now}, due from now until {@code weekEnds}. */
    Map<String, TaskCounts> openTasksByAssignee(Instant now, Instant weekEnds) {
        Map<String, TaskCounts> counts = new LinkedHashMap<>();
        jdbc.query("""
                SELECT assignee, COUNT(*), COALESCE(SUM(due_at < ?), 0), COALESCE(SUM(due_at >= ? AND due_at < ?), 0)
                FROM user_task WHERE state = 'OPEN' GROUP BY assignee ORDER BY assignee""",
                (ResultSet rs) -> { counts.put(rs.getString(1), new TaskCounts(rs.getLong(2), rs.getLong(3), rs.getLong(4))); },
                Timestamp.from(now), Timestamp.from(now), Timestamp.from(weekEnds));
        return counts;
    }

    public record DueTask(long id, String name, String caseReference, String assignee, Instant dueAt, boolean overdue) {
    }

    /** Open tasks overdue or due before the week ends, soonest first. */
    List<DueTask> dueTasks(Instant now, Instant weekEnds) {
        return jdbc.query("""
                SELECT id, name, case_reference, assignee, due_at FROM user_task
                WHERE state = 'OPEN' AND due_at < ? ORDER BY due_at LIMIT ?""",
                (rs, row) -> {
                    Instant due = rs.getTimestamp(5).toInstant();
                    return new DueTask(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), due, due.isBefore(now));
                }, Timestamp.from(weekEnds), LIST_LIMIT);
    }

    public record Waiting(long families, long pastTarget) {
    }

    /** Families allocated but not reached yet: open "Make first contact" tasks, and those past their due time. */
    Waiting awaitingFirstContact(Instant now) {
        return jdbc.queryForObject("""
                SELECT COUNT(DISTINCT case_reference), COUNT(DISTINCT CASE WHEN due_at < ? THEN case_reference END)
                FROM user_task WHERE state = 'OPEN' AND element_id = 'Task_MakeFirstContact'""",
                (rs, row) -> new Waiting(rs.getLong(1), rs.getLong(2)), Timestamp.from(now));
    }

    public record KindCount(String kind, String state, long count) {
    }

    List<KindCount> escalationsByKindAndState() {
        return jdbc.query("SELECT kind, state, COUNT(*) FROM escalation GROUP BY kind, state ORDER BY kind, state",
                (rs, row) -> new KindCount(rs.getString(1), rs.getString(2), rs.getLong(3)));
    }

    public record OpenEscalation(long id, String caseReference, String kind, String message, Instant raisedAt, String state) {
    }

    List<OpenEscalation> openEscalations() {
        return jdbc.query("""
                SELECT id, case_reference, kind, message, raised_at, state FROM escalation
                WHERE state = 'OPEN' ORDER BY raised_at DESC LIMIT ?""",
                (rs, row) -> new OpenEscalation(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant(), rs.getString(6)), LIST_LIMIT);
    }

    public record WeekSource(int week, String source, long count) {
    }

    /** Referrals per week and source; {@code weekStarts} are the weeks' first instants, oldest first, then the end. */
    List<WeekSource> referralsByWeekAndSource(List<Instant> weekStarts) {
        StringBuilder bucket = new StringBuilder("CASE");
        List<Object> args = new ArrayList<>();
        for (int week = 1; week < weekStarts.size(); week++) {
            bucket.append(" WHEN received_at < ? THEN ").append(week - 1);
            args.add(Timestamp.from(weekStarts.get(week)));
        }
        bucket.append(" END");
        args.add(Timestamp.from(weekStarts.getFirst()));
        args.add(Timestamp.from(weekStarts.getLast()));
        return jdbc.query("SELECT " + bucket + " AS week, source, COUNT(*) FROM referral WHERE received_at >= ? AND received_at < ? "
                        + "GROUP BY week, source ORDER BY week, source",
                (rs, row) -> new WeekSource(rs.getInt(1), rs.getString(2), rs.getLong(3)), args.toArray());
    }

    public record CaseToMove(String reference, Long processInstanceKey, Long engineGeneration) {
    }

    /** The open cases a worker holds, oldest first. */
    List<CaseToMove> openCasesOf(String worker) {
        return jdbc.query("""
                SELECT reference, process_instance_key, engine_generation FROM family_case
                WHERE worker = ? AND closed_at IS NULL ORDER BY opened_at, id""",
                (rs, row) -> new CaseToMove(rs.getString(1), (Long) rs.getObject(2), (Long) rs.getObject(3)), worker);
    }

    public record TaskToMove(long id, String caseReference, long processInstanceKey, long engineGeneration) {
    }

    /** The open tasks a worker holds, whatever case they are on. */
    List<TaskToMove> openTasksOf(String worker) {
        return jdbc.query("""
                SELECT id, case_reference, process_instance_key, engine_generation FROM user_task
                WHERE assignee = ? AND state = 'OPEN' ORDER BY created_at, id""",
                (rs, row) -> new TaskToMove(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4)), worker);
    }
}
