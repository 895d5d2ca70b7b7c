package org.familyjourney.processes;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ActivatedJob;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.familyjourney.processes.SafeguardingIds.Elements;
import org.familyjourney.processes.SafeguardingIds.JobTypes;
import org.familyjourney.support.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A safeguarding concern reaches the DSL, is decided (or escalated when it waits), and may step the case up. */
class SafeguardingConcernProcessTest {

    @RegisterExtension
    static final ProcessEngine engine = new ProcessEngine();

    private static final String ASSIGNEE = "io.camunda.zeebe:assignee";
    private static final String GROUPS = "io.camunda.zeebe:candidateGroups";

    /** Starts a concern and plays the deadline and routing workers; the DSL's task is then open. */
    private long raiseConcern(Duration decisionDueIn) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("caseReference", "FJ-2026-000101");
        variables.put("concernId", 7);
        variables.put("concernSource", "RAISED");
        long instance = engine.start(SafeguardingIds.PROCESS, variables);
        ActivatedJob deadline = engine.complete(instance, ProcessIds.JobTypes.SCHEDULE_DEADLINE,
                Map.of("dslDecisionDue", engine.now().plus(decisionDueIn).toString()));
        assertThat(deadline.getCustomHeaders()).containsEntry("deadline", "dslDecision")
                .containsEntry("timescale", SafeguardingIds.DECISION_TIMESCALE);
        engine.complete(instance, JobTypes.SEND_CONCERN_TO_DSL, Map.of("concernId", 7));
        return instance;
    }

    private void decide(long instance, String decision, String supportContinues, String worker) {
        ActivatedJob task = engine.completeUserTask(instance, Elements.DECIDE_ON_CONCERN, Map.of(
                "dslDecision", decision, "dslRationale", "Reasons", "familySupportContinues", supportContinues,
                "dslDecidedBy", "dev"));
        assertThat(task.getCustomHeaders()).containsEntry(GROUPS, "[\"safeguarding-leads\"]")
                .containsEntry("completedByVariable", "dslDecidedBy")
                .containsKey("io.camunda.zeebe:dueDate");
        Map<String, Object> recorded = new HashMap<>();
        recorded.put("supportContinues", "yes".equals(supportContinues));
        recorded.put("allocatedWorker", worker);
        engine.complete(instance, JobTypes.RECORD_SAFEGUARDING_DECISION, recorded);
    }

    @Test
    void dslDecidesInTimeAndNoEscalationIsRaised() {
        long instance = raiseConcern(Duration.ofHours(4));

        decide(instance, "CONTINUE_SUPPORT", "yes", "maya");

        engine.awaitEnded(instance);
        assertThat(engine.hasPassed(instance, Elements.CONCERN_DECIDED)).isTrue();
        assertThat(engine.hasPassed(instance, Elements.ESCALATE_UNDECIDED_CONCERN)).isFalse();
        assertThat(engine.hasPassed(instance, Elements.RECORD_STEP_UP)).isFalse();
    }

    @Test
    void escalatesToManagersWhenConcernUndecidedAfterFourWorkingHours() {
        long instance = raiseConcern(Duration.ofHours(4));
        engine.awaitActive(instance, Elements.DECIDE_ON_CONCERN);

        engine.advanceClock(Duration.ofHours(4).plusMinutes(1));

        ActivatedJob escalation = engine.complete(instance, ProcessIds.JobTypes.RAISE_ESCALATION, Map.of());
        assertThat(escalation.getElementId()).isEqualTo(Elements.ESCALATE_UNDECIDED_CONCERN);
        assertThat(escalation.getCustomHeaders()).containsEntry("kind", SafeguardingIds.DECISION_OVERDUE);
        // Non-interrupting: the DSL still decides after the escalation.
        assertThat(engine.isActive(instance, Elements.DECIDE_ON_CONCERN)).isTrue();
        decide(instance, "NO_FURTHER_ACTION", "no", null);
        engine.awaitEnded(instance);
        assertThat(engine.hasPassed(instance, Elements.CONCERN_DECIDED)).isTrue();
    }

    @Test
    void stepUpMarksTheCaseAndTheAllocatedWorkerRecordsTheSocialCareReferral() {
        long instance = raiseConcern(Duration.ofHours(4));
        decide(instance, "STEP_UP", "yes", "maya");

        engine.complete(instance, JobTypes.RECORD_STEP_UP, Map.of());
        ActivatedJob referral = engine.completeUserTask(instance, Elements.RECORD_SOCIAL_CARE_REFERRAL, Map.of(
                "socialCareReferredOn", "2026-12-01", "socialCareReference", "CSC-123",
                "childProtectionPlanInPlace", "no", "socialCareReferralRecordedBy", "maya"));
        assertThat(referral.getCustomHeaders()).containsEntry(ASSIGNEE, "maya");
        assertThat(referral.getCustomHeaders().get("io.camunda.zeebe:formKey")).isNotBlank();
        engine.complete(instance, JobTypes.RECORD_SOCIAL_CARE_REFERRAL, Map.of());

        engine.awaitEnded(instance);
        assertThat(engine.hasPassed(instance, Elements.CASE_STEPPED_UP)).isTrue();
    }

    @Test
    void stepUpWithoutAnAllocatedWorkerGoesToTheSafeguardingLeads() {
        long instance = raiseConcern(Duration.ofHours(4));
        decide(instance, "STEP_UP", "no", null);
        engine.complete(instance, JobTypes.RECORD_STEP_UP, Map.of());

        ActivatedJob referral = engine.awaitJob(instance, ProcessIds.JobTypes.USER_TASK, Elements.RECORD_SOCIAL_CARE_REFERRAL);
        assertThat(referral.getCustomHeaders().getOrDefault(ASSIGNEE, "")).isBlank();
        assertThat(referral.getCustomHeaders()).containsEntry(GROUPS, "[\"safeguarding-leads\"]");
        assertThat(engine.hasIncidents()).isFalse();
    }

    @Test
    void secondRouteOfTheSameConcernEndsWithoutASecondDecision() {
        long instance = engine.start(SafeguardingIds.PROCESS, Map.of("caseReference", "FJ-2026-000102", "concernId", 8,
                "concernSource", "RAISED"));
        engine.complete(instance, ProcessIds.JobTypes.SCHEDULE_DEADLINE, Map.of("dslDecisionDue", engine.now().plus(Duration.ofHours(4)).toString()));
        ActivatedJob send = engine.awaitJob(instance, JobTypes.SEND_CONCERN_TO_DSL, null);
        engine.client().newThrowErrorCommand(send.getKey()).errorCode(SafeguardingIds.CONCERN_ALREADY_WITH_DSL).send().join();

        engine.awaitEnded(instance);
        assertThat(engine.hasPassed(instance, Elements.ALREADY_WITH_DSL)).isTrue();
        assertThat(engine.hasPassed(instance, Elements.DECIDE_ON_CONCERN)).isFalse();
    }
}
