package org.familyjourney.team;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.familyjourney.casework.CaseRegister;
import org.familyjourney.engine.EngineGeneration;
import org.familyjourney.security.CaseFilter;
import org.familyjourney.security.RecordAccess;
import org.familyjourney.security.Role;
import org.familyjourney.security.StaffDirectory;
import org.familyjourney.security.StaffMember;
import org.familyjourney.security.Teams;
import org.familyjourney.tasklist.TaskManagement;
import org.familyjourney.web.FieldProblem;
import org.familyjourney.web.InvalidInputException;
import org.springframework.stereotype.Service;

/**
 * A manager moves a worker's whole caseload (someone leaves, is off sick or on leave) to one colleague or
 * spreads it over several, fewest open cases first: every open case gets its new worker with a journey
 * entry naming the reason, the journey's {@code allocatedWorker} variable follows in the engine (on the
 * case's instance and on the called processes its open tasks belong to, only for keys of the current
 * engine generation), and every open task the worker held goes the same way through
 * {@link TaskManagement#assign}, so nothing they held is left with nobody to do it. A manager moves only
 * the caseload of a worker of their own team, and only to workers of their own team.
 */
@Service
public class CaseloadReassignment {

    static final String WORKER_VARIABLE = "allocatedWorker";

    private final TeamDashboard queries;
    private final CaseRegister cases;
    private final TaskManagement tasks;
    private final StaffDirectory staff;
    private final Teams teams;
    private final CamundaClient engine;
    private final EngineGeneration generation;
    private final RecordAccess records;

    CaseloadReassignment(TeamDashboard queries, CaseRegister cases, TaskManagement tasks, StaffDirectory staff, Teams teams,
                         CamundaClient engine, EngineGeneration generation, RecordAccess records) {
        this.records = records;
        this.queries = queries;
        this.cases = cases;
        this.tasks = tasks;
        this.staff = staff;
        this.teams = teams;
        this.engine = engine;
        this.generation = generation;
    }

    public record Request(String from, List<String> to, String reason, Boolean confirmed) {
    }

    public record Preview(String from, List<String> to, int openCases, int openTasks) {
    }

    public record MovedCase(String caseReference, String to, boolean engineUpdated, String note) {
    }

    public record MovedTask(long taskId, String caseReference, String to) {
    }

    public record Result(String from, List<String> to, String reason, List<MovedCase> cases, List<MovedTask> tasks,
                         List<String> notMoved) {
    }

    /** The workers of the manager's team: whose caseloads they may move, and to whom. */
    public List<StaffDirectory.Staff> workersOfTeam(StaffMember manager) {
        Optional<String> team = teams.teamOf(manager.username());
        return staff.withRole(Role.WORKER).stream().filter(w -> team.isPresent() && team.equals(teams.teamOf(w.username()))).toList();
    }

    /** What would move, after checking the request; nothing changes. */
    public Preview preview(Request request, StaffMember manager) {
        List<String> to = check(request, false, manager);
        return new Preview(request.from().strip(), to, queries.openCasesOf(request.from().strip()).size(),
                queries.openTasksOf(request.from().strip()).size());
    }

    public Result move(Request request, StaffMember manager) {
        List<String> to = check(request, true, manager);
        String from = request.from().strip();
        String reason = request.reason().strip();
        Map<String, Long> load = new LinkedHashMap<>();
        Map<String, Long> current = queries.openCasesByWorker(CaseFilter.everyCase());
        to.forEach(w -> load.put(w, current.getOrDefault(w, 0L)));
        List<TeamDashboard.TaskToMove> held = queries.openTasksOf(from);
        Map<String, String> newWorkerOfCase = new LinkedHashMap<>();
        List<MovedCase> moved = new ArrayList<>();
        Set<String> hidden = new LinkedHashSet<>();
        for (TeamDashboard.CaseToMove familyCase : queries.openCasesOf(from)) {
            String target = leastLoaded(load);
            if (!records.mayRead(familyCase.reference(), manager)) {
                hidden.add(familyCase.reference());
            }
            cases.reassign(familyCase.reference(), target, manager.username(), reason);
            newWorkerOfCase.put(familyCase.reference(), target);
            moved.add(withheld(tellEngine(familyCase, target, held), hidden));
        }
        List<MovedTask> movedTasks = new ArrayList<>();
        List<String> notMoved = new ArrayList<>();
        for (TeamDashboard.TaskToMove task : held) {
            String target = task.caseReference() != null && newWorkerOfCase.containsKey(task.caseReference())
                    ? newWorkerOfCase.get(task.caseReference()) : leastLoaded(load);
            try {
                movedTasks.add(moveTask(task, target, manager, hidden));
            } catch (RuntimeException refused) {
                notMoved.add("Task " + task.id() + ": " + refused.getMessage());
            }
        }
        return new Result(from, to, reason, moved, movedTasks, notMoved);
    }

    /** A task of a restricted record moves even if the manager is not named on it (then without its case reference). */
    private MovedTask moveTask(TeamDashboard.TaskToMove task, String target, StaffMember manager, Set<String> hidden) {
        String reference = task.caseReference();
        if (reference == null || !records.isRestricted(reference)) {
            tasks.assign(task.id(), target, manager);
            return new MovedTask(task.id(), reference, target);
        }
        boolean unseen = hidden.contains(reference) || !records.mayRead(reference, manager);
        tasks.moveWithCaseload(task.id(), target, manager);
        return new MovedTask(task.id(), unseen ? null : reference, target);
    }

    /** A restricted record the manager is not named on: moved, but not named to them. */
    private static MovedCase withheld(MovedCase movedCase, Set<String> hidden) {
        return hidden.contains(movedCase.caseReference()) ? new MovedCase(null, movedCase.to(), movedCase.engineUpdated(),
                "A restricted record you are not named on; " + movedCase.to() + " is named on it now.") : movedCase;
    }

    private MovedCase tellEngine(TeamDashboard.CaseToMove familyCase, String target, List<TeamDashboard.TaskToMove> held) {
        Set<Long> instances = new LinkedHashSet<>();
        boolean current = familyCase.processInstanceKey() != null && familyCase.engineGeneration() != null
                && generation.isCurrent(familyCase.engineGeneration());
        if (current) {
            instances.add(familyCase.processInstanceKey());
        }
        held.stream().filter(t -> familyCase.reference().equals(t.caseReference()) && generation.isCurrent(t.engineGeneration()))
                .forEach(t -> instances.add(t.processInstanceKey()));
        if (instances.isEmpty()) {
            return new MovedCase(familyCase.reference(), target, false,
                    "The case's journey belongs to an earlier engine run; recovery takes the worker from the case record.");
        }
        List<String> notes = new ArrayList<>();
        for (long instance : instances) {
            try {
                engine.newSetVariablesCommand(instance).variables(Map.of(WORKER_VARIABLE, target)).send().join();
            } catch (ClientStatusException e) {
                if (e.getStatusCode() != io.grpc.Status.Code.NOT_FOUND) {
                    notes.add("The journey engine did not take the new worker for process instance " + instance + ".");
                }
            }
        }
        return new MovedCase(familyCase.reference(), target, notes.isEmpty(), notes.isEmpty() ? null : String.join(" ", notes));
    }

    private static String leastLoaded(Map<String, Long> load) {
        String least = null;
        for (Map.Entry<String, Long> worker : load.entrySet()) {
            if (least == null || worker.getValue() < load.get(least)) {
                least = worker.getKey();
            }
        }
        load.merge(least, 1L, Long::sum);
        return least;
    }

    private List<String> check(Request request, boolean moving, StaffMember manager) {
        List<FieldProblem> problems = new ArrayList<>();
        Optional<String> team = teams.teamOf(manager.username());
        String yours = team.map(t -> "your team (" + t + ")").orElse("a team of yours: you are in none, ask an administrator to put you in one");
        String from = request.from() == null ? "" : request.from().strip();
        if (from.isEmpty()) {
            problems.add(new FieldProblem("from", "is required: the worker whose cases move"));
        } else if (staff.find(from).isEmpty()) {
            problems.add(new FieldProblem("from", "is not a member of staff: choose someone from the list"));
        } else if (team.isEmpty() || !team.equals(teams.teamOf(from))) {
            problems.add(new FieldProblem("from", "is not in " + yours + ": only a manager of " + from + "'s team moves their caseload"));
        }
        List<String> to = request.to() == null ? List.of()
                : request.to().stream().filter(w -> w != null && !w.isBlank()).map(String::strip).distinct().toList();
        if (to.isEmpty()) {
            problems.add(new FieldProblem("to", "is required: at least one worker to give the cases to"));
        }
        for (String worker : to) {
            if (worker.equals(from)) {
                problems.add(new FieldProblem("to", "cannot include " + worker + ", whose cases are moving"));
            } else if (!staff.rolesOf(worker).contains(Role.WORKER)) {
                problems.add(new FieldProblem("to", worker + " is not a family support worker: choose someone from the list"));
            } else if (team.isEmpty() || !team.equals(teams.teamOf(worker))) {
                problems.add(new FieldProblem("to", worker + " is not in " + yours + ": choose someone from the list"));
            }
        }
        String reason = request.reason() == null ? "" : request.reason().strip();
        if (reason.isEmpty()) {
            problems.add(new FieldProblem("reason", "is required: say why the cases move (it goes in each case's journey)"));
        } else if (reason.length() > 300) {
            problems.add(new FieldProblem("reason", "is too long: at most 300 characters"));
        }
        if (moving && !Boolean.TRUE.equals(request.confirmed())) {
            problems.add(new FieldProblem("confirmed", "must be true: confirm that you checked what moves"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return to;
    }
}
