package org.familyjourney.processes;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ActivatedJob;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.familyjourney.processes.ProcessIds.JobTypes;
import org.familyjourney.support.ProcessEngine;

/**
 * One family's journey on the bare engine, with the test playing every worker and person. Each
 * method is a step as a practitioner would name it, so a scenario reads like the case notes.
 */
final class JourneyScenario {

    private final ProcessEngine engine;
    final long instance;
    private final String reference;

    private JourneyScenario(ProcessEngine engine, long instance, String reference) {
        this.engine = engine;
        this.instance = instance;
        this.reference = reference;
    }

    static JourneyScenario referFamily(ProcessEngine engine, boolean assessmentApproval) {
        long instance = engine.start(ProcessIds.FAMILY_JOURNEY, Map.of("referralId", 1, "consentGiven", true,
                "referralSource", "SCHOOL", "safeguardingIndicated", false, "assessmentApprovalRequired", assessmentApproval,
                "reopened", false));
        JourneyScenario journey = new JourneyScenario(engine, instance, "FJ-2026-" + instance % 1_000_000);
        engine.complete(instance, JobTypes.REGISTER_REFERRAL, Map.of("caseReference", journey.reference,
                "referredAt", engine.now().toString(), "deadlinesFrom", engine.now().toString()));
        journey.deadline("caseReview", Duration.ofDays(182), null);
        return journey;
    }

    /** Completes the next deadline job, checking it is the one expected, with a due time from now. */
    JourneyScenario deadline(String name, Duration dueIn, Duration escalateIn) {
        ActivatedJob job = engine.awaitJob(instance, JobTypes.SCHEDULE_DEADLINE, null);
        assertThat(job.getCustomHeaders()).containsEntry("deadline", name);
        Map<String, Object> variables = new HashMap<>();
        variables.put(name + "Due", engine.now().plus(dueIn).toString());
        if (escalateIn != null) {
            variables.put(name + "EscalateAt", engine.now().plus(escalateIn).toString());
        }
        engine.client().newCompleteCommand(job.getKey()).variables(variables).send().join();
        return this;
    }

    JourneyScenario screenedWithoutConcern() {
        engine.complete(instance, "screen-referral", Map.of("safeguardingIndicated", false));
        return this;
    }

    JourneyScenario triage(String decision) {
        deadline("triage", Duration.ofDays(1), null);
        engine.completeUserTask(instance, "Task_TriageReferral", Map.of("triageDecision", decision, "triageReason", "Because"));
        return this;
    }

    JourneyScenario allocate() {
        deadline("allocation", Duration.ofDays(2), null);
        engine.completeUserTask(instance, "Task_AllocateWorker", Map.of("allocatedWorker", "maya"));
        engine.complete(instance, JobTypes.ASSIGN_CASE, Map.of());
        return deadline("firstContact", Duration.ofDays(2), Duration.ofDays(3));
    }

    JourneyScenario firstContact(String outcome) {
        engine.completeUserTask(instance, "Task_MakeFirstContact", Map.of("firstContactOutcome", outcome));
        return this;
    }

    JourneyScenario assess() {
        deadline("assessment", Duration.ofDays(14), null);
        engine.completeUserTask(instance, "Task_AssessFamily", Map.of("strengths", "Loving home"));
        return this;
    }

    JourneyScenario agreePlan(Map<String, Object> plan) {
        engine.completeUserTask(instance, "Task_AgreeActionPlan", plan);
        return this;
    }

    JourneyScenario approvePlan(String decision) {
        engine.completeUserTask(instance, "Task_ApproveActionPlan", Map.of("planApproval", decision));
        return this;
    }

    /** From a fresh referral to the first review of an approved plan with no extra work. */
    static JourneyScenario supportUnderWay(ProcessEngine engine) {
        JourneyScenario journey = referFamily(engine, false).screenedWithoutConcern().triage("ACCEPT").allocate()
                .firstContact("REACHED").assess();
        journey.deadline("actionPlan", Duration.ofDays(21), null).agreePlan(plan(false, List.of(), List.of())).approvePlan("APPROVE");
        return journey.scheduleReview();
    }

    JourneyScenario scheduleReview() {
        return deadline("review", Duration.ofDays(42), Duration.ofDays(43));
    }

    JourneyScenario review(String decision) {
        engine.completeUserTask(instance, "Task_ReviewProgress", Map.of("reviewDecision", decision));
        return this;
    }

    JourneyScenario closeCase() {
        engine.completeUserTask(instance, "Task_CloseCase", Map.of("closureReason", "GOALS_MET", "closedBy", "maya"));
        return this;
    }

    JourneyScenario approveClosure(String decision) {
        engine.completeUserTask(instance, "Task_ApproveClosure", Map.of("closureApproval", decision));
        return this;
    }

    /** After an approved closure: summary, case closed, follow-up scheduled. */
    JourneyScenario closed() {
        engine.complete(instance, JobTypes.WITHDRAW_ENDED_TASKS, Map.of());
        engine.complete(instance, JobTypes.SEND_CLOSURE_SUMMARY, Map.of());
        engine.complete(instance, JobTypes.CLOSE_CASE, Map.of());
        return deadline("followUp", Duration.ofDays(91), null);
    }

    static Map<String, Object> plan(boolean schoolMeeting, List<Map<String, Object>> onwardReferrals, List<String> groups) {
        return Map.of("goals", List.of(Map.of("goal", "Kit attends school every day")), "schoolMeetingNeeded", schoolMeeting,
                "onwardReferrals", onwardReferrals, "groupProgrammes", groups);
    }

    boolean passed(String elementId) {
        return engine.hasPassed(instance, elementId);
    }

    String caseReference() {
        return reference;
    }

    Instant now() {
        return engine.now();
    }
}
