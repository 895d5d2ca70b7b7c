package org.familyjourney.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.familyjourney.processes.JourneyScenario.plan;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.familyjourney.processes.ProcessIds.JobTypes;
import org.familyjourney.processes.SafeguardingIds;
import org.familyjourney.support.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The whole journey of family-journey.bpmn, path by path, on the bare engine. */
class FamilyJourneyProcessTest {

    @RegisterExtension
    static final ProcessEngine engine = new ProcessEngine();

    @Test
    void familyIsSupportedFromReferralToClosureAndFollowedUp() {
        JourneyScenario journey = JourneyScenario.supportUnderWay(engine).review("CONTINUE").scheduleReview().review("CLOSE");
        engine.complete(journey.instance, JobTypes.WITHDRAW_ENDED_TASKS, Map.of());
        journey.closeCase().approveClosure("APPROVE").closed();
        engine.advanceClock(Duration.ofDays(92));
        engine.completeUserTask(journey.instance, "Task_FollowUpCheckIn", Map.of("reopenCase", false));
        engine.awaitEnded(journey.instance);
        assertThat(journey.passed("EndEvent_CaseClosed")).isTrue();
        assertThat(journey.passed("Task_SendClosureSummary")).isTrue();
        assertThat(journey.passed("Task_TriageReferral")).isTrue();
        assertThat(engine.hasIncidents()).isFalse();
    }

    @Test
    void declinedReferralSendsALetterToTheReferrerAndCloses() {
        JourneyScenario journey = JourneyScenario.referFamily(engine, false).screenedWithoutConcern().triage("DECLINE");
        engine.complete(journey.instance, JobTypes.SEND_REFERRER_LETTER, Map.of());
        var close = engine.complete(journey.instance, JobTypes.CLOSE_CASE, Map.of());
        assertThat(close.getCustomHeaders()).containsEntry("status", "DECLINED");
        engine.awaitPassed(journey.instance, "EndEvent_ReferralDeclined");
        engine.complete(journey.instance, JobTypes.WITHDRAW_ENDED_TASKS, Map.of());
        engine.awaitEnded(journey.instance);
        assertThat(journey.passed("EndEvent_JourneyEndedBeforeSupport")).isTrue();
        assertThat(journey.passed("Task_AllocateWorker")).isFalse();
        assertThat(journey.passed("Task_SendClosureSummary")).isFalse();
    }

    @Test
    void signpostedReferralSendsALetterAndCloses() {
        JourneyScenario journey = JourneyScenario.referFamily(engine, false).screenedWithoutConcern().triage("SIGNPOST");
        var letter = engine.complete(journey.instance, JobTypes.SEND_REFERRER_LETTER, Map.of());
        assertThat(letter.getCustomHeaders()).containsEntry("letter", "SIGNPOSTED");
        engine.complete(journey.instance, JobTypes.CLOSE_CASE, Map.of());
        engine.awaitPassed(journey.instance, "EndEvent_ReferralSignposted");
    }

    @Test
    void escalatesToManagersWhenTriageIsOverdue() {
        JourneyScenario journey = JourneyScenario.referFamily(engine, false).screenedWithoutConcern();
        journey.deadline("triage", Duration.ofDays(1), null);
        engine.awaitActive(journey.instance, "Task_TriageReferral");
        engine.advanceClock(Duration.ofDays(1).plusHours(1));
        var escalation = engine.complete(journey.instance, JobTypes.RAISE_ESCALATION, Map.of());
        assertThat(escalation.getCustomHeaders()).containsEntry("kind", "TRIAGE_OVERDUE");
        assertThat(engine.isActive(journey.instance, "Task_TriageReferral")).isTrue();
    }

    @Test
    void escalatesToManagersWhenAllocationIsOverdue() {
        JourneyScenario journey = JourneyScenario.referFamily(engine, false).screenedWithoutConcern().triage("ACCEPT");
        journey.deadline("allocation", Duration.ofDays(2), null);
        engine.awaitActive(journey.instance, "Task_AllocateWorker");
        engine.advanceClock(Duration.ofDays(2).plusHours(1));
        assertThat(engine.complete(journey.instance, JobTypes.RAISE_ESCALATION, Map.of()).getCustomHeaders())
                .containsEntry("kind", "ALLOCATION_OVERDUE");
    }

    @Test
    void remindsTheWorkerAndThenEscalatesWhenFirstContactIsOverdue() {
        JourneyScenario journey = JourneyScenario.referFamily(engine, false).screenedWithoutConcern().triage("ACCEPT").allocate();
        engine.awaitActive(journey.instance, "Task_MakeFirstContact");
        engine.advanceClock(Duration.ofDays(2).plusHours(1));
        assertThat(engine.complete(journey.instance, JobTypes.SEND_REMINDER, Map.of()).getElementId()).isEqualTo("Task_RemindFirstContact");
        engine.advanceClock(Duration.ofDays(1));
        assertThat(engine.complete(journey.instance, JobTypes.RAISE_ESCALATION, Map.of()).getCustomHeaders())
                .containsEntry("kind", "FIRST_CONTACT_OVERDUE");
        assertThat(engine.isActive(journey.instance, "Task_MakeFirstContact")).isTrue();
    }

    @Test
    void workerTriesAgainUntilTheFamilyIsReached() {
        JourneyScenario journey = JourneyScenario.referFamily(engine, false).screenedWithoutConcern().triage("ACCEPT").allocate()
                .firstContact("TRY_AGAIN");
        engine.awaitActive(journey.instance, "Task_MakeFirstContact");
        journey.firstContact("REACHED");
        engine.awaitActive(journey.instance, "Task_ScheduleAssessment");
    }

    @Test
    void familyThatCannotBeReachedGoesToClosure() {
        JourneyScenario journey = JourneyScenario.referFamily(engine, false).screenedWithoutConcern().triage("ACCEPT").allocate()
                .firstContact("NOT_REACHED");
        engine.awaitActive(journey.instance, "Task_CloseCase");
        assertThat(journey.passed("Task_AssessFamily")).isFalse();
    }

    @Test
    void escalatesWhenTheAssessmentIsOverdue() {
        JourneyScenario journey = JourneyScenario.referFamily(engine, false).screenedWithoutConcern().triage("ACCEPT").allocate()
                .firstContact("REACHED");
        journey.deadline("assessment", Duration.ofDays(14), null);
        engine.awaitActive(journey.instance, "Task_AssessFamily");
        engine.advanceClock(Duration.ofDays(15));
        assertThat(engine.complete(journey.instance, JobTypes.RAISE_ESCALATION, Map.of()).getCustomHeaders())
                .containsEntry("kind", "ASSESSMENT_OVERDUE");
    }

    @Test
    void managerSendsTheAssessmentBackThenApprovesIt() {
        JourneyScenario journey = JourneyScenario.referFamily(engine, true).screenedWithoutConcern().triage("ACCEPT").allocate()
                .firstContact("REACHED").assess();
        engine.completeUserTask(journey.instance, "Task_ApproveAssessment", Map.of("assessmentApproval", "SEND_BACK"));
        engine.completeUserTask(journey.instance, "Task_AssessFamily", Map.of("strengths", "More detail"));
        engine.completeUserTask(journey.instance, "Task_ApproveAssessment", Map.of("assessmentApproval", "APPROVE"));
        journey.deadline("actionPlan", Duration.ofDays(21), null);
        engine.awaitActive(journey.instance, "Task_AgreeActionPlan");
    }

    @Test
    void escalatesWhenTheActionPlanIsOverdueAndManagerSendsItBack() {
        JourneyScenario journey = JourneyScenario.referFamily(engine, false).screenedWithoutConcern().triage("ACCEPT").allocate()
                .firstContact("REACHED").assess();
        journey.deadline("actionPlan", Duration.ofDays(21), null);
        engine.awaitActive(journey.instance, "Task_AgreeActionPlan");
        engine.advanceClock(Duration.ofDays(22));
        assertThat(engine.complete(journey.instance, JobTypes.RAISE_ESCALATION, Map.of()).getCustomHeaders())
                .containsEntry("kind", "ACTION_PLAN_OVERDUE");
        journey.agreePlan(plan(false, List.of(), List.of())).approvePlan("SEND_BACK");
        journey.agreePlan(plan(false, List.of(), List.of())).approvePlan("APPROVE").scheduleReview();
        engine.awaitActive(journey.instance, "Task_ReviewProgress");
    }

    @Test
    void escalatesWhenTheReviewIsOverdue() {
        JourneyScenario journey = JourneyScenario.supportUnderWay(engine);
        engine.awaitActive(journey.instance, "Task_ReviewProgress");
        engine.advanceClock(Duration.ofDays(44));
        assertThat(engine.complete(journey.instance, JobTypes.RAISE_ESCALATION, Map.of()).getCustomHeaders())
                .containsEntry("kind", "REVIEW_OVERDUE");
    }

    @Test
    void reviewRevisesThePlanThenTheNextReviewClosesTheCase() {
        JourneyScenario journey = JourneyScenario.supportUnderWay(engine).review("REVISE_PLAN");
        engine.complete(journey.instance, JobTypes.WITHDRAW_ENDED_TASKS, Map.of());
        journey.deadline("actionPlan", Duration.ofDays(7), null)
                .agreePlan(plan(false, List.of(), List.of())).approvePlan("APPROVE").scheduleReview().review("CLOSE");
        engine.complete(journey.instance, JobTypes.WITHDRAW_ENDED_TASKS, Map.of());
        engine.awaitActive(journey.instance, "Task_CloseCase");
        assertThat(journey.passed("EndEvent_PlanToRevise")).isTrue();
    }

    @Test
    void reviewStepsUpToSocialCareAndSupportContinues() {
        JourneyScenario journey = JourneyScenario.supportUnderWay(engine).review("STEP_UP");
        engine.completeUserTask(journey.instance, "Task_RecordSocialCareReferral", Map.of("socialCareReference", "SC-1"));
        engine.complete(journey.instance, "record-step-up", Map.of());
        journey.scheduleReview();
        engine.awaitActive(journey.instance, "Task_ReviewProgress");
    }

    @Test
    void groupProgrammesEachGetAnEnrolmentTask() {
        JourneyScenario journey = JourneyScenario.referFamily(engine, false).screenedWithoutConcern().triage("ACCEPT").allocate()
                .firstContact("REACHED").assess();
        journey.deadline("actionPlan", Duration.ofDays(21), null)
                .agreePlan(plan(false, List.of(), List.of("PARENTING_PROGRAMME", "PEER_SUPPORT_GROUP"))).approvePlan("APPROVE");
        var first = engine.awaitJob(journey.instance, JobTypes.USER_TASK, "Task_EnrolGroupProgramme");
        engine.client().newCompleteCommand(first.getKey()).variables(Map.of("groupEnrolment", "ENROLLED")).send().join();
        var second = engine.awaitJob(journey.instance, JobTypes.USER_TASK, "Task_EnrolGroupProgramme");
        assertThat(second.getVariablesAsMap().get("groupProgramme")).isNotEqualTo(first.getVariablesAsMap().get("groupProgramme"));
    }

    @Test
    void closureRejectedGoesBackToTheWorkerThenApproved() {
        JourneyScenario journey = JourneyScenario.supportUnderWay(engine).review("CLOSE");
        engine.complete(journey.instance, JobTypes.WITHDRAW_ENDED_TASKS, Map.of());
        var approval = journey.closeCase().approveClosure("REJECT");
        var again = engine.awaitJob(journey.instance, JobTypes.USER_TASK, "Task_CloseCase");
        engine.client().newCompleteCommand(again.getKey()).variables(Map.of("closureReason", "GOALS_MET")).send().join();
        var approveTask = engine.awaitJob(journey.instance, JobTypes.USER_TASK, "Task_ApproveClosure");
        assertThat(approveTask.getCustomHeaders()).containsEntry("notCompletableBy", "closedBy");
        engine.client().newCompleteCommand(approveTask.getKey()).variables(Map.of("closureApproval", "APPROVE")).send().join();
        approval.closed();
        engine.awaitActive(journey.instance, "Timer_FollowUpDue");
    }

    @Test
    void followUpReopensTheCaseAtTheAssessmentKeepingTheJourney() {
        JourneyScenario journey = JourneyScenario.supportUnderWay(engine).review("CLOSE");
        engine.complete(journey.instance, JobTypes.WITHDRAW_ENDED_TASKS, Map.of());
        journey.closeCase().approveClosure("APPROVE").closed();
        engine.advanceClock(Duration.ofDays(92));
        engine.completeUserTask(journey.instance, "Task_FollowUpCheckIn", Map.of("reopenCase", true));
        engine.complete(journey.instance, JobTypes.REOPEN_CASE, Map.of("reopened", true, "reopenCase", false,
                "deadlinesFrom", journey.now().toString()));
        journey.deadline("caseReview", Duration.ofDays(182), null).deadline("assessment", Duration.ofDays(14), null);
        engine.awaitActive(journey.instance, "Task_AssessFamily");
        assertThat(journey.passed("Task_ScreenReferral")).isTrue();
    }

    @Test
    void caseOpenTwentySixWeeksIsEscalatedForACaseReview() {
        JourneyScenario journey = JourneyScenario.supportUnderWay(engine);
        engine.advanceClock(Duration.ofDays(183));
        var jobs = List.of(engine.complete(journey.instance, JobTypes.RAISE_ESCALATION, Map.of()),
                engine.complete(journey.instance, JobTypes.RAISE_ESCALATION, Map.of()));
        assertThat(jobs).extracting(j -> j.getCustomHeaders().get("kind")).contains("CASE_REVIEW_DUE");
        engine.awaitActive(journey.instance, "Task_ReviewLongRunningCase");
    }

    /**
     * A review of a long-running case is moot once its closure is approved: the closure withdraws it
     * and the case closes, rather than waiting for a manager to review a case already closed (the
     * benchmark's soak found journeys stuck there, their follow-ups never due).
     */
    @Test
    void aClosureApprovedWhileTheLongRunningReviewIsOpenWithdrawsTheReview() {
        JourneyScenario journey = JourneyScenario.supportUnderWay(engine);
        engine.advanceClock(Duration.ofDays(183));
        engine.complete(journey.instance, JobTypes.RAISE_ESCALATION, Map.of());
        engine.complete(journey.instance, JobTypes.RAISE_ESCALATION, Map.of());
        engine.awaitActive(journey.instance, "Task_ReviewLongRunningCase");

        journey.review("CLOSE");
        engine.complete(journey.instance, JobTypes.WITHDRAW_ENDED_TASKS, Map.of());
        journey.closeCase().approveClosure("APPROVE").closed();

        engine.awaitActive(journey.instance, "Timer_FollowUpDue");
        assertThat(journey.passed("EndEvent_ReviewNoLongerNeeded")).isTrue();
        assertThat(journey.passed("EndEvent_CaseReviewed")).isFalse();
    }

    /** A referral declined while a long-running review is open (a triage left for 26 weeks) ends too. */
    @Test
    void aReferralDeclinedWhileTheLongRunningReviewIsOpenWithdrawsTheReview() {
        JourneyScenario journey = JourneyScenario.referFamily(engine, false).screenedWithoutConcern();
        journey.deadline("triage", Duration.ofDays(1), null);
        engine.advanceClock(Duration.ofDays(183));
        engine.complete(journey.instance, JobTypes.RAISE_ESCALATION, Map.of());
        engine.complete(journey.instance, JobTypes.RAISE_ESCALATION, Map.of());
        engine.awaitActive(journey.instance, "Task_ReviewLongRunningCase");

        engine.completeUserTask(journey.instance, "Task_TriageReferral", Map.of("triageDecision", "DECLINE", "triageReason", "Because"));
        engine.complete(journey.instance, JobTypes.SEND_REFERRER_LETTER, Map.of());
        engine.complete(journey.instance, JobTypes.CLOSE_CASE, Map.of());
        engine.complete(journey.instance, JobTypes.WITHDRAW_ENDED_TASKS, Map.of());

        engine.awaitEnded(journey.instance);
        assertThat(journey.passed("EndEvent_ReviewNoLongerNeeded")).isTrue();
    }

    /** A safeguarding decision is never withdrawn by a closure: the case waits for the lead. */
    @Test
    void aClosureApprovedWhileASafeguardingConcernIsUndecidedWaitsForTheLead() {
        JourneyScenario journey = JourneyScenario.supportUnderWay(engine).review("CLOSE");
        engine.client().newPublishMessageCommand().messageName(SafeguardingIds.CONCERN_RAISED_MESSAGE)
                .correlationKey(journey.caseReference()).variables(Map.of("concernId", 1)).send().join();
        engine.awaitActive(journey.instance, "CallActivity_SafeguardingRaised");
        engine.complete(journey.instance, JobTypes.WITHDRAW_ENDED_TASKS, Map.of());
        journey.closeCase().approveClosure("APPROVE");

        engine.awaitPassed(journey.instance, "EndEvent_ClosureApproved");
        assertThat(engine.isActive(journey.instance, "CallActivity_SafeguardingRaised")).isTrue();
        assertThat(journey.passed("Task_SendClosureSummary")).isFalse();
    }
}
