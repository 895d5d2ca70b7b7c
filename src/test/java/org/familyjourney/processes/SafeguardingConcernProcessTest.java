package org.familyjourney.processes;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import java.util.List;
import java.util.function.Predicate;
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

    @Test
    void theJourneysEventSubprocessCallsTheConcernProcessOnceForEachConcernRaised() {
        // The contract with the journey: a non-interrupting message event subprocess calls this process.
        BpmnModelInstance journey = Bpmn.createExecutableProcess("test-journey-with-concerns")
                .eventSubProcess("SubProcess_ConcernRaised", sub -> sub
                        .startEvent("StartEvent_ConcernRaisedMessage").interrupting(false)
                        .message(m -> m.name(SafeguardingIds.CONCERN_RAISED_MESSAGE).zeebeCorrelationKeyExpression("caseReference"))
                        .callActivity("Call_SafeguardingConcern", call -> call.zeebeProcessId(SafeguardingIds.PROCESS)
                                .zeebePropagateAllChildVariables(false)
                                .zeebeInputExpression("caseReference", "caseReference")
                                .zeebeInputExpression("concernId", "concernId")
                                .zeebeInputExpression("\"RAISED\"", "concernSource")
                                .zeebeOutputExpression("dslDecision", "dslDecision")
                                .zeebeOutputExpression("supportContinues", "supportContinues"))
                        .endEvent("EndEvent_ConcernHandled"))
                .startEvent().userTask("Task_WorkWithFamily").endEvent().done();
        engine.client().newDeployResourceCommand().addProcessModel(journey, "test-journey-with-concerns.bpmn").send().join();
        long parent = engine.start("test-journey-with-concerns", Map.of("caseReference", "FJ-2026-000150"));
        engine.awaitActive(parent, "Task_WorkWithFamily");

        for (long concernId : List.of(21L, 22L)) {
            engine.client().newPublishMessageCommand().messageName(SafeguardingIds.CONCERN_RAISED_MESSAGE)
                    .correlationKey("FJ-2026-000150").variables(Map.of("concernId", concernId)).send().join();
        }
        for (int i = 0; i < 2; i++) {
            ActivatedJob deadline = awaitConcernJob(ProcessIds.JobTypes.SCHEDULE_DEADLINE, job -> true);
            engine.client().newCompleteCommand(deadline.getKey())
                    .variables(Map.of("dslDecisionDue", engine.now().plus(Duration.ofHours(4)).toString())).send().join();
        }
        ActivatedJob first = awaitConcernJob(JobTypes.SEND_CONCERN_TO_DSL, job -> job.getVariablesAsMap().get("concernId").equals(21));
        assertThat(first.getVariablesAsMap()).containsEntry("caseReference", "FJ-2026-000150").containsEntry("concernSource", "RAISED");
        engine.client().newCompleteCommand(first.getKey()).send().join();
        // The second concern turns out to be with the DSL already: its call ends without a decision, and no incident.
        ActivatedJob second = awaitConcernJob(JobTypes.SEND_CONCERN_TO_DSL, job -> job.getVariablesAsMap().get("concernId").equals(22));
        engine.client().newThrowErrorCommand(second.getKey()).errorCode(SafeguardingIds.CONCERN_ALREADY_WITH_DSL).send().join();
        ActivatedJob decide = awaitConcernJob(ProcessIds.JobTypes.USER_TASK, job -> Elements.DECIDE_ON_CONCERN.equals(job.getElementId()));
        engine.client().newCompleteCommand(decide.getKey()).variables(Map.of("dslDecision", "NO_FURTHER_ACTION",
                "familySupportContinues", "yes", "dslRationale", "Known to school; plan in place")).send().join();
        ActivatedJob record = awaitConcernJob(JobTypes.RECORD_SAFEGUARDING_DECISION, job -> true);
        engine.client().newCompleteCommand(record.getKey()).variables(Map.of("supportContinues", true)).send().join();

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(engine.elementRecords(parent)
                .filter(r -> r.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED
                        && "Call_SafeguardingConcern".equals(r.getValue().getElementId()))).hasSize(2));
        assertThat(engine.isActive(parent, "Task_WorkWithFamily")).isTrue();
        assertThat(engine.hasIncidents()).isFalse();
    }

    private ActivatedJob awaitConcernJob(String jobType, Predicate<ActivatedJob> which) {
        ActivatedJob[] found = new ActivatedJob[1];
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
            for (ActivatedJob job : engine.client().newActivateJobsCommand().jobType(jobType).maxJobsToActivate(10)
                    .timeout(Duration.ofSeconds(30)).requestTimeout(Duration.ofMillis(200)).send().join().getJobs()) {
                if (found[0] == null && job.getBpmnProcessId().equals(SafeguardingIds.PROCESS) && which.test(job)) {
                    found[0] = job;
                } else {
                    engine.client().newFailCommand(job.getKey()).retries(job.getRetries()).send().join();
                }
            }
            return found[0] != null;
        });
        return found[0];
    }
}
