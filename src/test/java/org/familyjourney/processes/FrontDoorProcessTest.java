package org.familyjourney.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.familyjourney.processes.ProcessIds.JobTypes;
import org.familyjourney.support.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The front door of the journey: referral, triage, allocation and first contact, with its deadlines. */
class FrontDoorProcessTest {

    @RegisterExtension
    static final ProcessEngine engine = new ProcessEngine();

    private long referFamily() {
        long instance = engine.start(ProcessIds.FAMILY_JOURNEY, Map.of("referralId", 1, "safeguardingIndicated", false,
                "consentGiven", true, "referralSource", "SCHOOL"));
        engine.complete(instance, JobTypes.REGISTER_REFERRAL, Map.of("caseReference", "FJ-2026-000001"));
        engine.complete(instance, JobTypes.SCHEDULE_DEADLINE, Map.of("triageDue", engine.now().plus(Duration.ofDays(1)).toString()));
        return instance;
    }

    private void allocate(long instance, Instant firstContactDue, Instant escalateAt) {
        engine.completeUserTask(instance, "Task_AllocateWorker", Map.of("allocatedWorker", "maya"));
        engine.complete(instance, JobTypes.ASSIGN_CASE, Map.of());
        engine.complete(instance, JobTypes.SCHEDULE_DEADLINE, Map.of(
                "firstContactDue", firstContactDue.toString(), "firstContactEscalateAt", escalateAt.toString()));
    }

    @Test
    void acceptedReferralIsAllocatedAndReachesFirstContactWithTheWorker() {
        long instance = referFamily();
        engine.completeUserTask(instance, "Task_TriageReferral", Map.of("triageDecision", "ACCEPT", "triageReason", "Fits our offer"));
        allocate(instance, engine.now().plus(Duration.ofDays(2)), engine.now().plus(Duration.ofDays(3)));

        var firstContact = engine.awaitJob(instance, JobTypes.USER_TASK, "Task_MakeFirstContact");
        assertThat(firstContact.getCustomHeaders()).containsEntry("io.camunda.zeebe:assignee", "maya");
        assertThat(firstContact.getCustomHeaders()).containsKey("io.camunda.zeebe:dueDate");
        engine.client().newCompleteCommand(firstContact.getKey()).variables(Map.of("firstContactDate", "2026-12-02")).send().join();
        engine.awaitEnded(instance);
        assertThat(engine.hasPassed(instance, "EndEvent_JourneySliceEnded")).isTrue();
        assertThat(engine.hasPassed(instance, "Task_RemindFirstContact")).isFalse();
    }

    @Test
    void declinedReferralClosesWithoutAllocation() {
        long instance = referFamily();
        engine.completeUserTask(instance, "Task_TriageReferral", Map.of("triageDecision", "DECLINE", "triageReason", "Out of area"));
        engine.complete(instance, JobTypes.CLOSE_CASE, Map.of());
        engine.awaitEnded(instance);
        assertThat(engine.hasPassed(instance, "EndEvent_ReferralDeclined")).isTrue();
        assertThat(engine.hasPassed(instance, "Task_AllocateWorker")).isFalse();
    }

    @Test
    void remindsWorkerWhenFirstContactIsDueAndEscalatesToManagersWhenOverdue() {
        long instance = referFamily();
        engine.completeUserTask(instance, "Task_TriageReferral", Map.of("triageDecision", "ACCEPT", "triageReason", "Fits"));
        allocate(instance, engine.now().plus(Duration.ofDays(2)), engine.now().plus(Duration.ofDays(3)));
        engine.awaitActive(instance, "Task_MakeFirstContact");

        engine.advanceClock(Duration.ofDays(2).plusHours(1));
        var reminder = engine.complete(instance, JobTypes.SEND_REMINDER, Map.of());
        assertThat(reminder.getElementId()).isEqualTo("Task_RemindFirstContact");
        assertThat(engine.hasPassed(instance, "Task_EscalateFirstContact")).isFalse();

        engine.advanceClock(Duration.ofDays(1));
        var escalation = engine.complete(instance, JobTypes.RAISE_ESCALATION, Map.of());
        assertThat(escalation.getCustomHeaders()).containsEntry("kind", "FIRST_CONTACT_OVERDUE");
        // Both timers are non-interrupting: the worker can still make first contact.
        assertThat(engine.isActive(instance, "Task_MakeFirstContact")).isTrue();
    }
}
