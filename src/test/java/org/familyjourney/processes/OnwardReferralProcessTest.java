package org.familyjourney.processes;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.familyjourney.processes.OnwardReferralIds.Elements;
import org.familyjourney.processes.OnwardReferralIds.JobTypes;
import org.familyjourney.support.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Signposting: an onward referral is sent when consent covers it, chased, escalated, and its answer recorded. */
class OnwardReferralProcessTest {

    @RegisterExtension
    static final ProcessEngine engine = new ProcessEngine();

    private static Map<String, Object> counselling() {
        return Map.of("organisation", "Northside Counselling", "service", "COUNSELLING",
                "email", "intake@northside.example", "reason", "Low mood since the move");
    }

    private long start(boolean consentGiven) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("caseReference", "FJ-2026-000301");
        variables.put("allocatedWorker", "maya");
        variables.put("consentGiven", consentGiven);
        variables.put("onwardReferral", counselling());
        return engine.start(OnwardReferralIds.PROCESS, variables);
    }

    /** Plays sending and the two deadlines: reminder after 5, escalation after 10 (working) days. */
    private void sent(long instance) {
        engine.complete(instance, JobTypes.SEND_ONWARD_REFERRAL, Map.of("onwardReferralId", 1));
        ActivatedJob reminder = engine.complete(instance, ProcessIds.JobTypes.SCHEDULE_DEADLINE,
                Map.of("onwardReferralReminderDue", engine.now().plus(Duration.ofDays(7)).toString()));
        assertThat(reminder.getCustomHeaders()).containsEntry("timescale", OnwardReferralIds.REMINDER_TIMESCALE);
        ActivatedJob escalation = engine.complete(instance, ProcessIds.JobTypes.SCHEDULE_DEADLINE,
                Map.of("onwardReferralEscalationDue", engine.now().plus(Duration.ofDays(14)).toString()));
        assertThat(escalation.getCustomHeaders()).containsEntry("timescale", OnwardReferralIds.ESCALATION_TIMESCALE);
    }

    private void answered(long instance, String answer) {
        ActivatedJob task = engine.completeUserTask(instance, Elements.RECORD_ORGANISATION_ANSWER,
                Map.of("onwardReferralAnswer", answer));
        assertThat(task.getCustomHeaders()).containsEntry("io.camunda.zeebe:assignee", "maya")
                .containsKey("io.camunda.zeebe:dueDate");
        engine.complete(instance, JobTypes.RECORD_ONWARD_REFERRAL_OUTCOME, Map.of("onwardReferralOutcome", answer));
    }

    @Test
    void referralCoveredByConsentIsSentAndAccepted() {
        long instance = start(true);
        sent(instance);
        answered(instance, "ACCEPTED");

        engine.awaitEnded(instance);
        assertThat(engine.hasPassed(instance, Elements.ORGANISATION_ANSWERED)).isTrue();
        assertThat(engine.hasPassed(instance, Elements.ASK_FOR_CONSENT_TO_SHARE)).isFalse();
    }

    @Test
    void declinedReferralIsRecordedAsDeclined() {
        long instance = start(true);
        sent(instance);
        answered(instance, "DECLINED");
        engine.awaitEnded(instance);
        assertThat(engine.hasPassed(instance, Elements.UPDATE_ONWARD_REFERRAL)).isTrue();
    }

    @Test
    void withoutConsentNothingIsSent() {
        long instance = start(false);
        engine.completeUserTask(instance, Elements.ASK_FOR_CONSENT_TO_SHARE, Map.of("consentToShareGiven", "no",
                "shareWithoutConsent", "no", "consentRecordedBy", "maya"));
        engine.complete(instance, JobTypes.RECORD_CONSENT_TO_SHARE, Map.of("sharingAllowed", false, "sharingBasis", "NONE"));
        ActivatedJob notSent = engine.complete(instance, JobTypes.RECORD_ONWARD_REFERRAL_OUTCOME,
                Map.of("onwardReferralOutcome", "NOT_SENT"));
        assertThat(notSent.getCustomHeaders()).containsEntry(OnwardReferralIds.OUTCOME_HEADER, "NOT_SENT");

        engine.awaitEnded(instance);
        assertThat(engine.hasPassed(instance, Elements.NOT_SENT_NO_CONSENT)).isTrue();
        assertThat(engine.hasPassed(instance, Elements.SEND_ONWARD_REFERRAL)).isFalse();
    }

    @Test
    void familyConsentingWhenAskedLetsTheReferralGo() {
        long instance = start(false);
        engine.completeUserTask(instance, Elements.ASK_FOR_CONSENT_TO_SHARE, Map.of("consentToShareGiven", "yes",
                "consentToShareGivenBy", "PARENT_OR_CARER", "consentToShareGivenOn", "2026-12-01"));
        engine.complete(instance, JobTypes.RECORD_CONSENT_TO_SHARE, Map.of("sharingAllowed", true, "sharingBasis", "FAMILY_CONSENT"));
        sent(instance);
        answered(instance, "ACCEPTED");
        engine.awaitEnded(instance);
        assertThat(engine.hasPassed(instance, Elements.ORGANISATION_ANSWERED)).isTrue();
    }

    @Test
    void overrideWithAReasonSendsWithoutConsent() {
        long instance = start(false);
        ActivatedJob ask = engine.completeUserTask(instance, Elements.ASK_FOR_CONSENT_TO_SHARE, Map.of(
                "consentToShareGiven", "no", "shareWithoutConsent", "yes",
                "overrideReason", "Child at risk of significant harm; sharing is lawful", "consentRecordedBy", "maya"));
        assertThat(ask.getCustomHeaders()).containsEntry("completedByVariable", "consentRecordedBy");
        engine.complete(instance, JobTypes.RECORD_CONSENT_TO_SHARE, Map.of("sharingAllowed", true, "sharingBasis", "OVERRIDE"));

        engine.awaitJob(instance, JobTypes.SEND_ONWARD_REFERRAL, null);
        assertThat(engine.hasPassed(instance, Elements.RECORD_NOT_SENT)).isFalse();
    }

    @Test
    void chasesAtFiveWorkingDaysAndEscalatesAtTenTellingTheWorker() {
        long instance = start(true);
        sent(instance);
        engine.awaitActive(instance, Elements.RECORD_ORGANISATION_ANSWER);

        engine.advanceClock(Duration.ofDays(7).plusMinutes(1));
        ActivatedJob reminder = engine.complete(instance, ProcessIds.JobTypes.SEND_REMINDER, Map.of());
        assertThat(reminder.getElementId()).isEqualTo(Elements.REMIND_WORKER_OF_ANSWER);
        engine.complete(instance, JobTypes.CHASE_ONWARD_REFERRAL, Map.of());
        engine.awaitPassed(instance, "EndEvent_OrganisationChased");
        assertThat(engine.hasPassed(instance, Elements.ESCALATE_UNANSWERED_REFERRAL)).isFalse();

        engine.advanceClock(Duration.ofDays(7));
        ActivatedJob escalation = engine.complete(instance, ProcessIds.JobTypes.RAISE_ESCALATION, Map.of());
        assertThat(escalation.getCustomHeaders()).containsEntry("kind", OnwardReferralIds.UNANSWERED);
        ActivatedJob toldWorker = engine.complete(instance, ProcessIds.JobTypes.SEND_REMINDER, Map.of());
        assertThat(toldWorker.getElementId()).isEqualTo(Elements.TELL_WORKER_OF_ESCALATION);

        // Still waiting for the answer: the worker can record it, even "no response".
        assertThat(engine.isActive(instance, Elements.RECORD_ORGANISATION_ANSWER)).isTrue();
        answered(instance, "NO_RESPONSE");
        engine.awaitEnded(instance);
    }

    @Test
    void multiInstanceCallSendsOneReferralPerOrganisationAndCollectsTheOutcomes() {
        // The journey calls onward-referral like this: once per element of onwardReferrals.
        BpmnModelInstance journey = Bpmn.createExecutableProcess("test-signposting").startEvent()
                .callActivity("Call_OnwardReferral", call -> call.zeebeProcessId(OnwardReferralIds.PROCESS)
                        .zeebePropagateAllChildVariables(false)
                        .zeebeInputExpression("caseReference", "caseReference")
                        .zeebeInputExpression("allocatedWorker", "allocatedWorker")
                        .zeebeInputExpression("consentGiven", "consentGiven")
                        .zeebeOutputExpression("onwardReferralOutcome", "onwardReferralOutcome")
                        .multiInstance(mi -> mi.parallel().zeebeInputCollectionExpression("onwardReferrals")
                                .zeebeInputElement("onwardReferral")
                                .zeebeOutputCollection("onwardReferralOutcomes")
                                .zeebeOutputElementExpression("onwardReferralOutcome")))
                .endEvent("EndEvent_Signposted").done();
        engine.client().newDeployResourceCommand().addProcessModel(journey, "test-signposting.bpmn").send().join();
        List<Map<String, Object>> organisations = List.of(counselling(),
                Map.of("organisation", "City Debt Advice", "service", "DEBT_ADVICE", "email", "help@citydebt.example", "reason", "Rent arrears"),
                Map.of("organisation", "Young Futures", "service", "YOUTH_MENTORING", "email", "refer@youngfutures.example", "reason", "Mentor for Kit"));
        var finished = engine.client().newCreateInstanceCommand().bpmnProcessId("test-signposting").latestVersion()
                .variables(Map.of("caseReference", "FJ-2026-000302", "allocatedWorker", "maya", "consentGiven", true,
                        "onwardReferrals", organisations))
                .withResult().fetchVariables("onwardReferralOutcomes").requestTimeout(Duration.ofSeconds(60)).send();

        for (int i = 0; i < 3; i++) {
            ActivatedJob send = awaitChildJob(JobTypes.SEND_ONWARD_REFERRAL);
            Map<?, ?> sentTo = (Map<?, ?>) send.getVariablesAsMap().get("onwardReferral");
            assertThat(send.getVariablesAsMap()).containsEntry("caseReference", "FJ-2026-000302").containsEntry("consentGiven", true);
            engine.client().newCompleteCommand(send.getKey()).variables(Map.of("onwardReferralId", i)).send().join();
            assertThat(sentTo.get("organisation")).isIn("Northside Counselling", "City Debt Advice", "Young Futures");
        }
        for (int i = 0; i < 6; i++) {
            ActivatedJob deadline = awaitChildJob(ProcessIds.JobTypes.SCHEDULE_DEADLINE);
            engine.client().newCompleteCommand(deadline.getKey()).variables(Map.of(
                    "onwardReferralReminderDue", engine.now().plus(Duration.ofDays(7)).toString(),
                    "onwardReferralEscalationDue", engine.now().plus(Duration.ofDays(14)).toString())).send().join();
        }
        for (int i = 0; i < 3; i++) {
            ActivatedJob task = awaitChildJob(ProcessIds.JobTypes.USER_TASK);
            Map<?, ?> to = (Map<?, ?>) task.getVariablesAsMap().get("onwardReferral");
            String answer = "City Debt Advice".equals(to.get("organisation")) ? "DECLINED" : "ACCEPTED";
            engine.client().newCompleteCommand(task.getKey()).variables(Map.of("onwardReferralAnswer", answer)).send().join();
            ActivatedJob outcome = awaitChildJob(JobTypes.RECORD_ONWARD_REFERRAL_OUTCOME);
            engine.client().newCompleteCommand(outcome.getKey())
                    .variables(Map.of("onwardReferralOutcome", outcome.getVariablesAsMap().get("onwardReferralAnswer"))).send().join();
        }

        // One outcome per organisation, in the order of the list.
        assertThat(finished.join().getVariablesAsMap().get("onwardReferralOutcomes"))
                .isEqualTo(List.of("ACCEPTED", "DECLINED", "ACCEPTED"));
        assertThat(engine.hasIncidents()).isFalse();
    }

    /** A job of any onward-referral instance (the children of the multi-instance call). */
    private ActivatedJob awaitChildJob(String jobType) {
        ActivatedJob[] found = new ActivatedJob[1];
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
            List<ActivatedJob> jobs = engine.client().newActivateJobsCommand().jobType(jobType).maxJobsToActivate(1)
                    .timeout(Duration.ofSeconds(30)).requestTimeout(Duration.ofMillis(200)).send().join().getJobs();
            jobs.stream().filter(j -> j.getBpmnProcessId().equals(OnwardReferralIds.PROCESS)).findFirst().ifPresent(j -> found[0] = j);
            return found[0] != null;
        });
        return found[0];
    }

    @Test
    void consentWithdrawnSinceTheReferralSendsNothingAndAsksTheFamilyAgain() {
        long instance = start(true);
        ActivatedJob send = engine.awaitJob(instance, JobTypes.SEND_ONWARD_REFERRAL, Elements.SEND_ONWARD_REFERRAL);
        engine.client().newThrowErrorCommand(send.getKey()).errorCode(OnwardReferralIds.CONSENT_NOT_IN_PLACE)
                .errorMessage("Consent to share with Northside Counselling is withdrawn").send().join();
        engine.awaitActive(instance, Elements.ASK_FOR_CONSENT_TO_SHARE);
        assertThat(engine.hasPassed(instance, Elements.SCHEDULE_ANSWER_REMINDER)).isFalse();
        assertThat(engine.hasIncidents()).isFalse();
        // Its open task would otherwise be taken by the multi-instance test's search for any task.
        engine.client().newCancelInstanceCommand(instance).send().join();
    }
}
