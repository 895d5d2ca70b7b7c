package org.familyjourney.tasklist;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.familyjourney.engine.EngineGeneration;
import org.familyjourney.engine.FormCatalog;
import org.familyjourney.journey.JourneyKind;
import org.familyjourney.journey.JourneyLog;
import org.familyjourney.processes.JobAncestry;
import org.familyjourney.processes.ProcessCatalog;
import org.familyjourney.processes.ProcessIds.Headers;
import org.familyjourney.processes.ProcessIds.JobTypes;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.data.relational.core.conversion.DbActionExecutionException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes each job-based user task from the engine into our tasklist. The job stays activated (it is
 * completed only when a person completes the task), with a timeout far beyond any journey; if the
 * engine delivers it again, the task already stored is kept as it is.
 */
@Component
public class UserTaskWorker {

    /** Ten years: a user task job must not time out while a family waits for a worker. */
    static final long TIMEOUT_MS = 10L * 365 * 24 * 60 * 60 * 1000;
    private static final String ZEEBE = "io.camunda.zeebe:";

    private final UserTaskRepository tasks;
    private final ProcessCatalog processes;
    private final FormCatalog forms;
    private final EngineGeneration generation;
    private final JourneyLog journey;
    private final TaskVariables taskVariables;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final ObjectMapper json;
    private final Clock clock;
    private final JobAncestry ancestry;
    private final JdbcTemplate jdbc;
    private final CamundaClient engine;

    UserTaskWorker(UserTaskRepository tasks, ProcessCatalog processes, FormCatalog forms, EngineGeneration generation,
                   JourneyLog journey, TaskVariables taskVariables, TransactionTemplate transaction,
                   ApplicationEventPublisher events, ObjectMapper json, Clock clock, JobAncestry ancestry, JdbcTemplate jdbc,
                   CamundaClient engine) {
        this.ancestry = ancestry;
        this.jdbc = jdbc;
        this.engine = engine;
        this.tasks = tasks;
        this.processes = processes;
        this.forms = forms;
        this.generation = generation;
        this.journey = journey;
        this.taskVariables = taskVariables;
        this.transaction = transaction;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    @JobWorker(type = JobTypes.USER_TASK, autoComplete = false, timeout = TIMEOUT_MS, fetchAllVariables = true)
    public void open(ActivatedJob job) {
        long current = generation.current();
        if (tasks.findByEngineGenerationAndJobKey(current, job.getKey()).isPresent() || carriedOver(job, current)) {
            return;
        }
        UserTask task = toTask(job, current);
        try {
            UserTask stored = transaction.execute(tx -> {
                UserTask saved = tasks.save(task);
                taskVariables.save(saved.id(), job.getVariablesAsMap());
                if (saved.caseReference() != null) {
                    journey.record(saved.caseReference(), JourneyKind.TASK_CREATED, saved.elementId(), JourneyLog.SYSTEM,
                            "Task '" + saved.name() + "' opened" + (saved.assignee() == null ? "" : " for " + saved.assignee()),
                            createdDetails(saved));
                }
                return saved;
            });
            events.publishEvent(new TaskOpened(stored.id(), stored.caseReference(), stored.assignee(), stored.groups()));
        } catch (DbActionExecutionException | DataAccessException failed) {
            // The same job arrived twice at once, on this instance or another: the unique key
            // (generation, job) let the first delivery store it. Spring Data JDBC wraps the refusal
            // in an exception of its own, so ask the table rather than the exception.
            if (tasks.findByEngineGenerationAndJobKey(current, job.getKey()).isEmpty()) {
                throw failed;
            }
        }
    }

    /**
     * A step re-created by recovery on a new engine run comes with a new job; its task stays the same
     * row (same id, assignee, draft and history), now pointing at the new job.
     */
    private boolean carriedOver(ActivatedJob job, long current) {
        var before = ancestry.predecessor(current, job.getKey())
                .flatMap(old -> tasks.findByEngineGenerationAndJobKey(old.generation(), old.jobKey()));
        if (before.isEmpty()) {
            return false;
        }
        UserTask task = before.get();
        jdbc.update("""
                UPDATE user_task SET engine_generation = ?, job_key = ?, process_instance_key = ?, process_definition_key = ?,
                    state = CASE WHEN state = 'COMPLETING' THEN 'OPEN' ELSE state END, version = version + 1
                WHERE id = ?""", current, job.getKey(), job.getProcessInstanceKey(), job.getProcessDefinitionKey(), task.id());
        // A completion cut off half way by the old engine's end never reached it: the task is open again (the draft is kept).
        if (task.state() == TaskState.OPEN || task.state() == TaskState.COMPLETING) {
            events.publishEvent(new TaskReassigned(task.id(), task.caseReference(), task.assignee()));
        } else if (task.state() == TaskState.COMPLETED) {
            // Completed just before the old engine went, too late for its position to record it: the new
            // step gets the same answers, so the journey goes on from where the person left it.
            engine.newCompleteCommand(job.getKey()).variables(completion(task)).send().join();
        }
        return true;
    }

    private Map<String, Object> completion(UserTask task) {
        Map<String, Object> variables = new java.util.HashMap<>();
        if (task.outcome() != null) {
            try {
                variables.putAll(json.readValue(task.outcome(), new TypeReference<Map<String, Object>>() { }));
            } catch (IOException e) {
                throw new IllegalStateException("Task " + task.id() + " has an outcome that is not JSON", e);
            }
        }
        if (task.completedByVariable() != null) {
            variables.put(task.completedByVariable(), task.completedBy());
        }
        return variables;
    }

    private UserTask toTask(ActivatedJob job, long current) {
        Map<String, String> headers = job.getCustomHeaders();
        Map<String, Object> variables = job.getVariablesAsMap();
        String excluded = variableNamed(variables, headers.get(Headers.NOT_COMPLETABLE_BY));
        return new UserTask(null, current, job.getKey(), job.getProcessInstanceKey(), job.getProcessDefinitionKey(),
                job.getBpmnProcessId(), job.getElementId(),
                processes.elementName(job.getProcessDefinitionKey(), job.getElementId()),
                (String) variables.get("caseReference"),
                forms.formIdForKey(headers.get(ZEEBE + "formKey")).orElse(null),
                blankToNull(headers.get(ZEEBE + "assignee")),
                String.join(",", list(headers.get(ZEEBE + "candidateGroups"))),
                String.join(",", list(headers.get(ZEEBE + "candidateUsers"))),
                excluded, headers.get(Headers.COMPLETED_BY_VARIABLE),
                instant(headers.get(ZEEBE + "dueDate")), instant(headers.get(ZEEBE + "followUpDate")),
                TaskState.OPEN, clock.instant(), null, null, null, null);
    }

    /** Who the task is offered to and when it is due: an auditor reads "opened for whom, due when". */
    private static Map<String, Object> createdDetails(UserTask task) {
        Map<String, Object> details = new java.util.LinkedHashMap<>();
        if (task.dueAt() != null) {
            details.put("due", task.dueAt().toString());
        }
        if (task.assignee() != null) {
            details.put("assignee", task.assignee());
        }
        if (!task.groups().isEmpty()) {
            details.put("candidateGroups", task.groups());
        }
        return details;
    }

    private static String variableNamed(Map<String, Object> variables, String name) {
        Object value = name == null ? null : variables.get(name);
        return value == null ? null : value.toString();
    }

    private List<String> list(String header) {
        if (header == null || header.isBlank()) {
            return List.of();
        }
        try {
            return json.readValue(header, new TypeReference<List<String>>() { }).stream().map(String::strip).toList();
        } catch (IOException notJson) {
            // Stored comma-separated without spaces, so the tray queries' FIND_IN_SET matches them.
            return List.of(header.split(",")).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        }
    }

    private static Instant instant(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(header).toInstant();
        } catch (DateTimeParseException e) {
            return java.time.ZonedDateTime.parse(header).toInstant();
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
