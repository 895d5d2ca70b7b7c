package org.familyjourney.tasklist;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.familyjourney.security.RecordAccess;
import org.familyjourney.security.StaffMember;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The trays of the tasklist as SQL: who may see a task ({@link RecordAccess}'s rule: teams and
 * restricted records) and every filter are WHERE clauses, so a tray never loads tasks it does not
 * show. Candidate groups and users are stored comma-separated, hence FIND_IN_SET.
 */
@Repository
class TaskQuery {

    private final NamedParameterJdbcTemplate jdbc;
    private final UserTaskRepository tasks;
    private final Clock clock;
    private final RecordAccess records;

    TaskQuery(NamedParameterJdbcTemplate jdbc, UserTaskRepository tasks, Clock clock, RecordAccess records) {
        this.jdbc = jdbc;
        this.tasks = tasks;
        this.clock = clock;
        this.records = records;
    }

    /** The tasks matching the criteria that the person may see, in the criteria's order. */
    List<UserTask> find(TaskCriteria criteria, StaffMember who) {
        MapSqlParameterSource params = params(who);
        List<String> where = new ArrayList<>();
        where.add(trayCondition(criteria.tray(), who));
        where.add(records.visibleTask(who));
        if (criteria.assignee() != null) {
            where.add("assignee = :assignee");
            params.addValue("assignee", criteria.assignee());
        }
        if (criteria.candidateGroup() != null) {
            where.add("FIND_IN_SET(:group, candidate_groups) > 0");
            params.addValue("group", criteria.candidateGroup());
        }
        if (criteria.caseReference() != null) {
            where.add("case_reference = :caseReference");
            params.addValue("caseReference", criteria.caseReference());
        }
        if (criteria.step() != null) {
            where.add("element_id = :step");
            params.addValue("step", criteria.step());
        }
        if (criteria.dueFrom() != null) {
            where.add("due_at >= :dueFrom");
            params.addValue("dueFrom", Timestamp.from(criteria.dueFrom()));
        }
        if (criteria.dueBefore() != null) {
            where.add("due_at < :dueBefore");
            params.addValue("dueBefore", Timestamp.from(criteria.dueBefore()));
        }
        params.addValue("limit", criteria.limit());
        List<Long> ids = jdbc.queryForList("SELECT id FROM user_task WHERE " + String.join(" AND ", where)
                + " ORDER BY " + criteria.sort().orderBy() + " LIMIT :limit", params, Long.class);
        return inOrder(ids, tasks.findAllById(ids));
    }

    /** How many tasks each tray holds for the person, in one pass over the open tasks. */
    Map<TaskTray, Integer> counts(StaffMember who) {
        MapSqlParameterSource params = params(who);
        String sql = """
                SELECT COALESCE(SUM(assignee = :me), 0) AS mine,
                       COALESCE(SUM(%s), 0) AS team,
                       COALESCE(SUM(assignee IS NULL), 0) AS unassigned,
                       COALESCE(SUM(due_at < :now), 0) AS overdue
                FROM user_task WHERE state = 'OPEN' AND %s""".formatted(records.candidateTask(who), records.visibleTask(who));
        return jdbc.queryForObject(sql, params, (rs, row) -> Map.of(
                TaskTray.MINE, rs.getInt("mine"), TaskTray.TEAM, rs.getInt("team"),
                TaskTray.UNASSIGNED, rs.getInt("unassigned"), TaskTray.OVERDUE, rs.getInt("overdue")));
    }

    /**
     * The top navigation's counts, the same as the My tasks and Overdue trays', reading only the open
     * tasks that are mine or overdue.
     */
    NavigationCounts.Counts navigationCounts(StaffMember who) {
        MapSqlParameterSource params = params(who);
        String sql = """
                SELECT COALESCE(SUM(assignee = :me), 0) AS mine, COALESCE(SUM(due_at < :now), 0) AS overdue
                FROM user_task WHERE state = 'OPEN' AND (assignee = :me OR due_at < :now) AND %s""".formatted(records.visibleTask(who));
        return jdbc.queryForObject(sql, params, (rs, row) -> new NavigationCounts.Counts(rs.getInt("mine"), rs.getInt("overdue")));
    }

    /** The steps that open tasks are at, for the step filter: element id to name. */
    Map<String, String> openSteps() {
        return jdbc.query("SELECT element_id, MIN(name) AS name FROM user_task WHERE state = 'OPEN' GROUP BY element_id ORDER BY name",
                rs -> {
                    Map<String, String> steps = new java.util.LinkedHashMap<>();
                    while (rs.next()) {
                        steps.put(rs.getString("element_id"), rs.getString("name"));
                    }
                    return steps;
                });
    }

    private MapSqlParameterSource params(StaffMember who) {
        return records.params(who).addValue("now", Timestamp.from(clock.instant()));
    }

    /** Which tray; who may see each task is {@link RecordAccess#visibleTask}, added to every tray. */
    private String trayCondition(TaskTray tray, StaffMember who) {
        return switch (tray) {
            case MINE -> "state = 'OPEN' AND assignee = :me";
            case TEAM -> "state = 'OPEN' AND " + records.candidateTask(who);
            case UNASSIGNED -> "state = 'OPEN' AND assignee IS NULL";
            case OVERDUE -> "state = 'OPEN' AND due_at < :now";
            case COMPLETED -> "state = 'COMPLETED' AND completed_by = :me";
            case ALL_OPEN -> "state = 'OPEN'";
        };
    }

    private static List<UserTask> inOrder(List<Long> ids, List<UserTask> found) {
        Map<Long, UserTask> byId = found.stream().collect(Collectors.toMap(UserTask::id, Function.identity()));
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }
}
