package org.familyjourney.tasklist;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.familyjourney.casework.CaseAccess;
import org.familyjourney.engine.FormCatalog;
import org.familyjourney.journey.JourneyKind;
import org.familyjourney.journey.JourneyLog;
import org.familyjourney.security.StaffMember;
import org.familyjourney.web.InvalidInputException;
import org.springframework.stereotype.Service;

/**
 * A task's Camunda form as the task page opens it: the schema, prefilled with the task's variables,
 * the choices from our records and the person's draft; drafts saved as they type; and after a
 * completion, the case's next step if it is theirs.
 */
@Service
class TaskForms {

    static final int MAX_DRAFT_CHARS = 100_000;
    private static final Duration NEXT_TASK_PATIENCE = Duration.ofMillis(2500);

    record OpenedForm(JsonNode schema, Map<String, Object> data, boolean readOnly, Instant draftSavedAt, UserTask task) {
    }

    record Completion(UserTask done, Optional<UserTask> next) {
    }

    private final TaskManagement management;
    private final TaskVisibility visibility;
    private final TaskFormData formData;
    private final TaskVariables variables;
    private final TaskDrafts drafts;
    private final FormCatalog forms;
    private final UserTaskRepository tasks;
    private final JourneyLog journey;
    private final CaseAccess access;
    private final ObjectMapper json;
    private final Clock clock;

    TaskForms(TaskManagement management, TaskVisibility visibility, TaskFormData formData, TaskVariables variables,
              TaskDrafts drafts, FormCatalog forms, UserTaskRepository tasks, JourneyLog journey, CaseAccess access,
              ObjectMapper json, Clock clock) {
        this.management = management;
        this.visibility = visibility;
        this.formData = formData;
        this.variables = variables;
        this.drafts = drafts;
        this.forms = forms;
        this.tasks = tasks;
        this.journey = journey;
        this.access = access;
        this.json = json;
        this.clock = clock;
    }

    OpenedForm open(long id, StaffMember who) {
        UserTask task = management.find(id, who);
        Map<String, Object> data = new LinkedHashMap<>(variables.of(id));
        Map<String, Object> choices = formData.choicesFor(task);
        Instant savedAt = null;
        if (task.state() == TaskState.OPEN) {
            Optional<TaskDrafts.Draft> draft = drafts.find(id, who.username());
            if (draft.isPresent()) {
                data.putAll(read(draft.get().json()));
                savedAt = draft.get().savedAt();
            }
        } else if (task.outcome() != null) {
            data.putAll(read(task.outcome()));
        }
        data.putAll(choices); // choices come from our records, never from a draft
        if (task.caseReference() != null) {
            // The form carries what was recorded about the family (answers, drafts): a view of their record.
            access.recordView(task.caseReference(), who, "task form " + task.elementId());
        }
        boolean readOnly = !TaskActions.of(task, who, visibility).complete();
        return new OpenedForm(forms.schema(task.formId()).orElse(null), data, readOnly, savedAt, task);
    }

    Instant saveDraft(long id, Map<String, Object> answers, StaffMember who) {
        management.openTask(id, who); // a done task says who did it and what, as a completion would
        String text = write(answers == null ? Map.of() : answers);
        if (text.length() > MAX_DRAFT_CHARS) {
            throw new InvalidInputException("draft", "is too long to keep (at most " + MAX_DRAFT_CHARS + " characters)");
        }
        Instant now = clock.instant();
        drafts.save(id, who.username(), text, now);
        return now;
    }

    Completion complete(long id, Map<String, Object> answers, StaffMember who) {
        UserTask done = management.complete(id, answers == null ? Map.of() : answers, who);
        return new Completion(done, nextTask(done));
    }

    /** Whether a task is for this person to do: theirs, or offered to them and free. */
    boolean isFor(UserTask task, StaffMember who) {
        return TaskActions.of(task, who, visibility).complete();
    }

    /** The journey's next user task on the case, which the engine opens a moment after a completion. */
    private Optional<UserTask> nextTask(UserTask done) {
        if (done.caseReference() == null) {
            return Optional.empty();
        }
        long deadline = System.nanoTime() + NEXT_TASK_PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<UserTask> next = tasks.findByCaseReferenceAndStateOrderByCreatedAt(done.caseReference(), TaskState.OPEN)
                    .stream().filter(t -> t.id() > done.id()).findFirst();
            if (next.isPresent() || journey.hasEntrySince(done.caseReference(), JourneyKind.CASE_CLOSED, done.completedAt())) {
                return next;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return Optional.empty();
    }

    private Map<String, Object> read(String text) {
        try {
            return json.readValue(text, new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }

    private String write(Map<String, Object> answers) {
        try {
            return json.writeValueAsString(answers);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("draft", "must be plain form answers");
        }
    }
}
