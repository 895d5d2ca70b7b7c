package org.familyjourney.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The one place that decides who may read a family's record and see its tasks, as SQL conditions so
 * that a single case, a search, a tray, a count and a task event all apply the same rule. Every
 * condition uses the named parameter {@code :me} (the signed-in username).
 * <ul>
 * <li>Only the family roles (WORKER, MANAGER, SAFEGUARDING_LEAD, AUDITOR) read family records; an
 * admin manages users and settings and sees no family unless also given a family role.</li>
 * <li>A restricted case is seen by the people named on it, and by no one else (not even auditors):
 * it does not exist for them.</li>
 * <li>Otherwise: an auditor sees every case; a manager the cases of their team (a case belongs to the
 * team of its worker, or to the intake team until it has one); a safeguarding lead every case with a
 * safeguarding concern; anyone the cases they hold or have a task on.</li>
 * <li>Tasks: everyone sees tasks assigned to or completed by them and tasks offered to them by name;
 * tasks offered to the workers' or managers' group only within their own team; the safeguarding
 * leads' group serves every team.</li>
 * <li>A team's figures (the team dashboard) cover, for a manager, the cases of their team only, and its
 * staff; for an auditor every case and everyone ({@link #teamCase}, {@link #overseenStaff}).</li>
 * </ul>
 */
@Component
public class RecordAccess {

    /** Candidate groups whose tasks stay within the team of the task's case. */
    private static final Set<String> TEAM_GROUPS = Set.of("workers", "managers");

    private final NamedParameterJdbcTemplate jdbc;
    private final StaffDirectory staff;

    RecordAccess(NamedParameterJdbcTemplate jdbc, StaffDirectory staff) {
        this.jdbc = jdbc;
        this.staff = staff;
    }

    /**
     * The holders of a role who may read the case, e.g. the managers to escalate it to: its team's,
     * and for a restricted record only those named on it. An email names the family's case.
     */
    public List<StaffDirectory.Staff> withRoleWhoMayRead(Role role, String caseReference) {
        return staff.withRole(role).stream()
                .filter(person -> mayRead(caseReference, new StaffMember(person.username(), Set.copyOf(staff.rolesOf(person.username())))))
                .toList();
    }

    /** Whether the case's record is restricted to named people (a parent fleeing domestic abuse, say). */
    public boolean isRestricted(String caseReference) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM case_restriction WHERE case_reference = :reference)",
                new MapSqlParameterSource("reference", caseReference), Boolean.class));
    }

    /** Whether the person may read the case with this reference. */
    public boolean mayRead(String caseReference, StaffMember who) {
        Integer found = jdbc.queryForObject("SELECT COUNT(*) FROM family_case c WHERE c.reference = :reference AND "
                + readableCase("c.reference", who), params(who).addValue("reference", caseReference), Integer.class);
        return found != null && found > 0;
    }

    /** SQL true when the person may read the case whose reference is in the column given. */
    public String readableCase(String reference, StaffMember who) {
        if (!hasFamilyRole(who)) {
            return "FALSE";
        }
        List<String> ways = new ArrayList<>();
        if (who.has(Role.AUDITOR)) {
            ways.add("TRUE");
        }
        if (who.has(Role.MANAGER)) {
            ways.add(ofMyTeam(reference));
        }
        if (who.has(Role.SAFEGUARDING_LEAD)) {
            ways.add("EXISTS (SELECT 1 FROM safeguarding_concern sc WHERE sc.case_reference = " + reference + ")");
        }
        ways.add("EXISTS (SELECT 1 FROM family_case held WHERE held.reference = " + reference + " AND held.worker = :me)");
        ways.add("EXISTS (SELECT 1 FROM user_task mt WHERE mt.case_reference = " + reference
                + " AND (mt.assignee = :me OR mt.completed_by = :me))");
        return restrictedOr(reference, String.join(" OR ", ways));
    }

    /** SQL true when the person may see the task (columns of {@code user_task}, unaliased). */
    public String visibleTask(StaffMember who) {
        if (!hasFamilyRole(who)) {
            return "FALSE";
        }
        String reference = "user_task.case_reference";
        List<String> ways = new ArrayList<>();
        ways.add("user_task.assignee = :me OR user_task.completed_by = :me");
        ways.add(candidateTask(who));
        if (who.has(Role.AUDITOR)) {
            ways.add("TRUE");
        }
        if (who.has(Role.MANAGER)) {
            ways.add(ofMyTeam(reference));
        }
        return restrictedOr(reference, String.join(" OR ", ways));
    }

    /**
     * SQL true when the case is one a team's figures (the team dashboard) show the person: for an
     * auditor every case, for a manager their team's cases (not the others they may read for having
     * done a task on them); a restricted case only for the people named on it, as everywhere.
     */
    public String teamCase(String reference, StaffMember who) {
        List<String> ways = new ArrayList<>();
        if (who.has(Role.AUDITOR)) {
            ways.add("TRUE");
        }
        if (who.has(Role.MANAGER)) {
            ways.add(ofMyTeam(reference));
        }
        return ways.isEmpty() ? "FALSE" : restrictedOr(reference, String.join(" OR ", ways));
    }

    /** {@link #teamCase} as a filter for shared queries. */
    public CaseFilter teamCases(StaffMember who) {
        return new CaseFilter(reference -> teamCase(reference, who), params(who).getValues());
    }

    /** {@link #readableCase} as a filter for shared queries. */
    public CaseFilter readableCases(StaffMember who) {
        return new CaseFilter(reference -> readableCase(reference, who), params(who).getValues());
    }

    /** SQL true when the member of staff named in the column is one whose work the person oversees: an auditor anyone, a manager their team. */
    public String overseenStaff(String username, StaffMember who) {
        if (who.has(Role.AUDITOR)) {
            return "TRUE";
        }
        if (who.has(Role.MANAGER)) {
            return "EXISTS (SELECT 1 FROM team_member st WHERE st.username = " + username + " AND st.team_id = " + MY_TEAM + ")";
        }
        return "FALSE";
    }

    /** SQL true when the task is offered to the person (by name, or by a group of theirs in reach). */
    public String candidateTask(StaffMember who) {
        List<String> ways = new ArrayList<>();
        ways.add("FIND_IN_SET(:me, user_task.candidate_users) > 0");
        // Group names come from our Role enum, never from a request, so they are inlined as literals.
        for (String group : who.candidateGroups().stream().sorted().toList()) {
            String offered = "FIND_IN_SET('" + group.replace("'", "") + "', user_task.candidate_groups) > 0";
            ways.add(TEAM_GROUPS.contains(group) ? "(" + offered + " AND " + ofMyTeam("user_task.case_reference") + ")"
                    : offered);
        }
        return "(" + String.join(" OR ", ways) + ")";
    }

    /** Whether the person may see the task with this id. */
    public boolean maySeeTask(long taskId, StaffMember who) {
        return taskMatches(taskId, visibleTask(who), who);
    }

    /** Whether the task with this id is offered to the person (they may claim it). */
    public boolean isCandidate(long taskId, StaffMember who) {
        return taskMatches(taskId, visibleTask(who) + " AND " + candidateTask(who), who);
    }

    public MapSqlParameterSource params(StaffMember who) {
        return new MapSqlParameterSource("me", who.username());
    }

    private boolean taskMatches(long taskId, String condition, StaffMember who) {
        Integer found = jdbc.queryForObject("SELECT COUNT(*) FROM user_task WHERE id = :id AND " + condition,
                params(who).addValue("id", taskId), Integer.class);
        return found != null && found > 0;
    }

    static boolean hasFamilyRole(StaffMember who) {
        return who.has(Role.WORKER) || who.has(Role.MANAGER) || who.has(Role.SAFEGUARDING_LEAD) || who.has(Role.AUDITOR);
    }

    private static final String MY_TEAM = "(SELECT me_team.team_id FROM team_member me_team WHERE me_team.username = :me)";

    private static String ofMyTeam(String reference) {
        return caseTeam(reference) + " = " + MY_TEAM;
    }

    /** The team a case belongs to: its worker's, or the intake team's before it has a worker in a team. */
    private static String caseTeam(String reference) {
        return "(SELECT COALESCE(MAX(wt.team_id), (SELECT MIN(it.id) FROM team it WHERE it.intake)) FROM family_case tc"
                + " LEFT JOIN team_member wt ON wt.username = tc.worker WHERE tc.reference = " + reference + ")";
    }

    private static String restrictedOr(String reference, String ordinary) {
        return "(CASE WHEN EXISTS (SELECT 1 FROM case_restriction cr WHERE cr.case_reference = " + reference + ")"
                + " THEN EXISTS (SELECT 1 FROM case_restriction_person cp WHERE cp.case_reference = " + reference
                + " AND cp.username = :me) ELSE (" + ordinary + ") END)";
    }
}
