package org.familyjourney.tasklist;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.familyjourney.engine.FormCatalog;
import org.familyjourney.journey.FreeText;
import org.familyjourney.journey.JourneyKind;
import org.familyjourney.journey.JourneyLog;
import org.familyjourney.journey.Lateness;
import org.springframework.stereotype.Component;

/**
 * What a completed task leaves in the journey, inside the completion's transaction: who completed
 * it with what answers, the decision of an approval step, and whether it was done in time.
 */
@Component
class TaskJourney {

    /** Approval forms name their decision field "...Approval" and its comment "...ApprovalComment". */
    private static final String APPROVAL = "Approval";

    private final JourneyLog journey;
    private final FormCatalog forms;

    TaskJourney(JourneyLog journey, FormCatalog forms) {
        this.journey = journey;
        this.forms = forms;
    }

    /** The answers' codes, numbers and dates go into the hashed entry; their free text beside it, where anonymisation reaches it. */
    void completed(UserTask done, String by, Map<String, Object> answers) {
        FreeText.Split split = FreeText.of(answers, textFields(done.formId()));
        journey.recordAt(done.completedAt(), done.caseReference(), JourneyKind.TASK_COMPLETED, done.elementId(), by,
                "Task '" + done.name() + "' completed by " + by, split.kept(), split.freeText());
        approval(done, by, answers);
        deadline(done);
    }

    private void approval(UserTask done, String by, Map<String, Object> answers) {
        answers.forEach((field, value) -> {
            if (field.endsWith(APPROVAL) && value instanceof String decision) {
                Object comment = answers.get(field + "Comment");
                journey.recordAt(done.completedAt(), done.caseReference(), JourneyKind.APPROVAL_DECIDED, done.elementId(), by,
                        "'" + done.name() + "': " + decision.toLowerCase().replace('_', ' ') + " by " + by,
                        Map.of("decision", decision), comment == null ? Map.of() : Map.of("comment", comment));
            }
        });
    }

    private Set<String> textFields(String formId) {
        return forms.schema(formId).map(FreeText::textFields).orElse(Set.of());
    }

    /** Whether a task with a due date was done in time, and by how much it was late: auditors and funders ask. */
    private void deadline(UserTask done) {
        if (done.dueAt() == null) {
            return;
        }
        Duration late = Duration.between(done.dueAt(), done.completedAt());
        boolean met = !late.isPositive();
        journey.recordAt(done.completedAt(), done.caseReference(), met ? JourneyKind.DEADLINE_MET : JourneyKind.DEADLINE_MISSED,
                done.elementId(), JourneyLog.SYSTEM, "'" + done.name() + "' " + (met ? "done in time" : "done " + Lateness.describe(late) + " late"),
                Map.of("due", done.dueAt().toString(), "done", done.completedAt().toString(), "lateSeconds", Math.max(0, late.toSeconds())),
                Map.of());
    }
}
