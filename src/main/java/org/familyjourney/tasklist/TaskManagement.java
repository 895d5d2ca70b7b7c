package org.familyjourney.tasklist;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.familyjourney.casework.RestrictedNames;
import org.familyjourney.engine.EngineGeneration;
import org.familyjourney.engine.FormCatalog;
import org.familyjourney.forms.FormSubmissionValidator;
import org.familyjourney.journey.JourneyKind;
import org.familyjourney.journey.JourneyLog;
import org.familyjourney.security.Role;
import org.familyjourney.security.StaffDirectory;
import org.familyjourney.security.StaffMember;
import org.familyjourney.web.ConflictException;
import org.familyjourney.web.InvalidInputException;
import org.familyjourney.web.NotFoundException;
import org.familyjourney.web.ServiceUnavailableException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The rules of working on tasks: who may see, claim and complete one, and how a completion reaches
 * the engine exactly once. Two people completing the same task race for one conditional update;
 * the loser is told who won and what they recorded.
 */
@Service
public class TaskManagement {

    private final UserTaskRepository tasks;
    private final TaskQuery query;
    private final TaskDrafts drafts;
    private final ApplicationEventPublisher events;
    private final TaskVisibility visibility;
    private final StaffDirectory staff;
    private final TaskFormData formData;
    private final FormCatalog forms;
    private final FormSubmissionValidator validator;
    private final EngineCompletion completion;
    private final EngineGeneration generation;
    private final JourneyLog journey;
    private final TaskJourney taskJourney;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final ObjectMapper json;
    private final Clock clock;
    private final RestrictedNames restrictedNames;

    TaskManagement(UserTaskRepository tasks, TaskQuery query, TaskDrafts drafts, ApplicationEventPublisher events,
                   TaskVisibility visibility, StaffDirectory staff, TaskFormData formData, FormCatalog forms,
                   FormSubmissionValidator validator, EngineCompletion completion, EngineGeneration generation,
                   JourneyLog journey, TaskJourney taskJourney, JdbcTemplate jdbc, TransactionTemplate transaction,
                   ObjectMapper json, Clock clock, RestrictedNames restrictedNames) {
        this.tasks = tasks;
        this.query = query;
        this.drafts = drafts;
        this.events = events;
        this.visibility = visibility;
        this.staff = staff;
        this.formData = formData;
        this.forms = forms;
        this.validator = validator;
        this.completion = completion;
        this.generation = generation;
        this.journey = journey;
        this.taskJourney = taskJourney;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.json = json;
        this.clock = clock;
        this.restrictedNames = restrictedNames;
    }

    public UserTask find(long id, StaffMember who) {
        return tasks.findById(id).filter(task -> visibility.canSee(task, who))
                .orElseThrow(() -> new NotFoundException("There is no task " + id + " that you can see."));
    }

    /** The tasks of a tray, filtered and sorted in the database; at most {@link TaskCriteria#MAX_LIMIT}. */
    public List<UserTask> list(TaskCriteria criteria, StaffMember who) {
        return query.find(criteria, who);
    }

    public Map<TaskTray, Integer> trayCounts(StaffMember who) {
        return query.counts(who);
    }

    public UserTask claim(long id, StaffMember who) {
        UserTask task = openTask(id, who);
        if (who.username().equals(task.assignee())) {
            return task;
        }
        if (task.assignee() != null) {
            throw new ConflictException("This task is already assigned to " + task.assignee() + ".", Map.of("assignee", task.assignee()));
        }
        if (!visibility.isCandidate(task, who)) {
            throw new ConflictException("You are not one of the people this task is for.");
        }
        return reassign(task, who.username(), who, JourneyKind.TASK_CLAIMED, "Task '" + task.name() + "' claimed by " + who.username());
    }

    public UserTask unclaim(long id, StaffMember who) {
        UserTask task = openTask(id, who);
        if (task.assignee() == null) {
            return task;
        }
        if (!who.username().equals(task.assignee()) && !who.has(Role.MANAGER)) {
            throw new ConflictException("Only " + task.assignee() + " or a manager can release this task.");
        }
        return reassign(task, null, who, JourneyKind.TASK_RELEASED, "Task '" + task.name() + "' released by " + who.username());
    }

    /** A manager gives the task to someone; on a restricted record they are named on it, or they could not open it. */
    public UserTask assign(long id, String worker, StaffMember manager) {
        return assignOpen(openTask(id, manager), worker, manager);
    }

    /**
     * A task moving with its worker's caseload (team's {@code CaseloadReassignment}): the manager's say is
     * over the caseload of their team's worker, so the task moves even on a restricted record the manager
     * is not named on; its new holder is named on it.
     */
    public UserTask moveWithCaseload(long id, String worker, StaffMember manager) {
        UserTask task = tasks.findById(id).orElseThrow(() -> new NotFoundException("There is no task " + id + "."));
        return assignOpen(checkOpen(task), worker, manager);
    }

    private UserTask assignOpen(UserTask task, String worker, StaffMember manager) {
        if (staff.find(worker).isEmpty()) {
            throw new InvalidInputException("assignee", "is not a member of staff: choose someone from the list");
        }
        return reassign(task, worker, manager, JourneyKind.TASK_ASSIGNED,
                "Task '" + task.name() + "' assigned to " + worker + " by " + manager.username());
    }

    /** Validates the submission against the task's form and completes the task in the engine. */
    public UserTask complete(long id, Map<String, Object> submitted, StaffMember who) {
        UserTask task = openTask(id, who);
        if (task.assignee() != null && !task.assignee().equals(who.username())) {
            throw new ConflictException("This task is assigned to " + task.assignee() + "; claim it first if it is yours to do.",
                    Map.of("assignee", task.assignee()));
        }
        if (task.assignee() == null && !visibility.isCandidate(task, who)) {
            throw new ConflictException("You are not one of the people this task is for.");
        }
        if (who.username().equals(task.excludedUser())) {
            throw new ConflictException("You cannot complete this step: it needs someone other than the person who did the step before it.");
        }
        Map<String, Object> values = forms.schema(task.formId())
                .map(form -> validator.validate(form, submitted, formData.choicesFor(task)))
                .orElseGet(LinkedHashMap::new);
        take(task, who);
        Map<String, Object> variables = new HashMap<>(values);
        if (task.completedByVariable() != null) {
            variables.put(task.completedByVariable(), who.username());
        }
        UserTask completed = completeInOrder(task, who, values, variables);
        events.publishEvent(new TaskCompleted(completed.id(), completed.caseReference(), who.username()));
        return completed;
    }

    private void take(UserTask task, StaffMember who) {
        int taken = jdbc.update("""
                UPDATE user_task SET state = 'COMPLETING', assignee = COALESCE(assignee, ?), version = version + 1
                WHERE id = ? AND state = 'OPEN'""", who.username(), task.id());
        if (taken == 0) {
            throw alreadyDone(tasks.findById(task.id()).orElseThrow());
        }
    }

    /**
     * The completion is dated before the engine hears of it, so the entries of the steps it runs next
     * (deadlines, the next task) come after this one in the case's journey, which reads in time order. The
     * journey's chain head is not held while the engine works: held, it queued every other step of every
     * case behind each completion's round trip. A refusal by the engine writes nothing.
     */
    private UserTask completeInOrder(UserTask task, StaffMember who, Map<String, Object> values, Map<String, Object> variables) {
        Instant completedAt = clock.instant();
        try {
            return transaction.execute(tx -> {
                completion.send(task.jobKey(), variables);
                UserTask done = tasks.save(tasks.findById(task.id()).orElseThrow().completed(who.username(), completedAt, toJson(values)));
                taskJourney.completed(done, who.username(), values);
                drafts.deleteAll(task.id());
                return done;
            });
        } catch (EngineCompletion.Refused refused) {
            if (refused.gone) {
                markCanceled(task);
                throw new ConflictException("This step is no longer open: the case has moved on without it.");
            }
            release(task);
            throw new ServiceUnavailableException(refused.getMessage(), refused.getCause());
        }
    }

    /** The task if it is still open (and of the current engine run); else a conflict that says who did it. */
    UserTask openTask(long id, StaffMember who) {
        return checkOpen(find(id, who));
    }

    private UserTask checkOpen(UserTask task) {
        if (task.state() != TaskState.OPEN) {
            throw alreadyDone(task);
        }
        if (!generation.isCurrent(task.engineGeneration())) {
            throw new ConflictException("This task belongs to an earlier run of the journey engine and is being moved to the current one.");
        }
        return task;
    }

    private ConflictException alreadyDone(UserTask task) {
        return switch (task.state()) {
            case COMPLETED -> new ConflictException("This task was already completed by " + task.completedBy() + " at "
                    + task.completedAt() + ".", outcomeFacts(task));
            case COMPLETING -> new ConflictException("Someone else (" + task.assignee() + ") is completing this task right now.");
            case CANCELED -> new ConflictException("This step is no longer open: the case has moved on without it.");
            case OPEN -> new ConflictException("This task changed while you were working on it; please reload it.");
        };
    }

    private Map<String, Object> outcomeFacts(UserTask task) {
        Map<String, Object> facts = new HashMap<>();
        facts.put("completedBy", task.completedBy());
        facts.put("completedAt", String.valueOf(task.completedAt()));
        if (task.outcome() != null) {
            try {
                facts.put("outcome", json.readValue(task.outcome(), Map.class));
            } catch (JsonProcessingException e) {
                facts.put("outcome", task.outcome());
            }
        }
        return facts;
    }

    private UserTask reassign(UserTask task, String assignee, StaffMember who, JourneyKind kind, String summary) {
        UserTask reassigned = transaction.execute(tx -> {
            UserTask changed = tasks.save(task.withAssignee(assignee));
            if (kind == JourneyKind.TASK_ASSIGNED && task.caseReference() != null) {
                restrictedNames.nameForWork(task.caseReference(), assignee, who.username(), "task '" + task.name() + "' was given to them");
            }
            journey.record(task.caseReference(), kind, task.elementId(), who.username(), summary);
            return changed;
        });
        events.publishEvent(new TaskReassigned(reassigned.id(), reassigned.caseReference(), assignee));
        return reassigned;
    }

    private void markCanceled(UserTask task) {
        transaction.executeWithoutResult(tx -> {
            jdbc.update("UPDATE user_task SET state = 'CANCELED', version = version + 1 WHERE id = ?", task.id());
            journey.record(task.caseReference(), JourneyKind.TASK_CANCELED, task.elementId(), JourneyLog.SYSTEM,
                    "Task '" + task.name() + "' was no longer open in the engine");
        });
    }

    private void release(UserTask task) {
        jdbc.update("UPDATE user_task SET state = 'OPEN', assignee = ?, version = version + 1 WHERE id = ? AND state = 'COMPLETING'",
                task.assignee(), task.id());
    }

    private String toJson(Map<String, Object> values) {
        try {
            return json.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Form values are plain data", e);
        }
    }
}
