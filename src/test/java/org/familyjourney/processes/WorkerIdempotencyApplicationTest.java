package org.familyjourney.processes;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMailUtil;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.familyjourney.casework.AssignCaseWorker;
import org.familyjourney.casework.CloseCaseWorker;
import org.familyjourney.casework.RegisterReferralWorker;
import org.familyjourney.casework.ReopenCaseWorker;
import org.familyjourney.deadline.ScheduleDeadlineWorker;
import org.familyjourney.engine.EngineGeneration;
import org.familyjourney.escalation.RaiseEscalationWorker;
import org.familyjourney.escalation.SendReminderWorker;
import org.familyjourney.letters.SendClosureSummaryWorker;
import org.familyjourney.letters.SendReferrerLetterWorker;
import org.familyjourney.referral.ScreenReferralWorker;
import org.familyjourney.retention.AnonymiseCaseWorker;
import org.familyjourney.safeguarding.ConcernCategory;
import org.familyjourney.safeguarding.RecordSafeguardingDecisionWorker;
import org.familyjourney.safeguarding.RecordSocialCareReferralWorker;
import org.familyjourney.safeguarding.RecordStepUpWorker;
import org.familyjourney.safeguarding.SafeguardingConcerns;
import org.familyjourney.safeguarding.SendConcernToDslWorker;
import org.familyjourney.school.RecordSchoolMeetingOutcomeWorker;
import org.familyjourney.school.SendMeetingInvitationsWorker;
import org.familyjourney.signposting.ChaseOnwardReferralWorker;
import org.familyjourney.signposting.RecordConsentToShareWorker;
import org.familyjourney.signposting.RecordOnwardReferralOutcomeWorker;
import org.familyjourney.signposting.SendOnwardReferralWorker;
import org.familyjourney.support.ApplicationTest;
import org.familyjourney.support.RedeliveredJob;
import org.familyjourney.tasklist.UserTaskWorker;
import org.familyjourney.tasklist.WithdrawEndedTasksWorker;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every job worker that writes a row, sends an email or logs a journey entry, handed the same job
 * twice: once as the engine first delivers it, once as it comes back after a timeout or after the
 * worker failed once its side effect was done (the engine never heard of the completion, so it
 * delivers the same job again). The second delivery must leave every count as the first left it:
 * rows on the case, journey entries, notifications, and the emails GreenMail received.
 */
class WorkerIdempotencyApplicationTest extends ApplicationTest {

    @Autowired JdbcTemplate jdbc;
    @Autowired EngineGeneration generation;
    @Autowired SafeguardingConcerns concerns;
    @Autowired RegisterReferralWorker register;
    @Autowired ScreenReferralWorker screen;
    @Autowired ScheduleDeadlineWorker deadline;
    @Autowired AssignCaseWorker assign;
    @Autowired SendReminderWorker reminder;
    @Autowired RaiseEscalationWorker escalation;
    @Autowired SendReferrerLetterWorker referrerLetter;
    @Autowired SendClosureSummaryWorker closureSummary;
    @Autowired CloseCaseWorker close;
    @Autowired ReopenCaseWorker reopen;
    @Autowired WithdrawEndedTasksWorker withdraw;
    @Autowired UserTaskWorker userTask;
    @Autowired SendConcernToDslWorker toDsl;
    @Autowired RecordSafeguardingDecisionWorker decision;
    @Autowired RecordStepUpWorker stepUp;
    @Autowired RecordSocialCareReferralWorker socialCare;
    @Autowired SendMeetingInvitationsWorker invitations;
    @Autowired RecordSchoolMeetingOutcomeWorker meetingOutcome;
    @Autowired SendOnwardReferralWorker onward;
    @Autowired ChaseOnwardReferralWorker chase;
    @Autowired RecordOnwardReferralOutcomeWorker onwardOutcome;
    @Autowired RecordConsentToShareWorker consentToShare;
    @Autowired AnonymiseCaseWorker anonymise;

    private static final AtomicLong KEYS = new AtomicLong(7_000_000_000L + System.nanoTime() % 1_000_000_000L);
    private static final List<String> CASE_TABLES = List.of("user_task", "case_deadline", "escalation", "notification",
            "safeguarding_concern", "case_step_up", "school_meeting", "onward_referral", "consent_to_share", "consent",
            "consent_override", "support_session", "case_retention", "journey_entry");

    /** One row of the table: the worker, and how it is handed a job (the same job each time it is called). */
    private record Delivery(String worker, boolean changesSomething, Consumer<RedeliveredJob> handle, RedeliveredJob job) {
    }

    @Test
    void everyWorkerHandedTheSameJobTwiceWritesNothingTheSecondTime() {
        String ref = api.referFamily("priya");
        api.awaitTask("priya", ref, "Task_TriageReferral");
        long referralId = jdbc.queryForObject("SELECT referral_id FROM family_case WHERE reference = ?", Long.class, ref);
        long concernId = concerns.fromScreening(ref, referralId, ConcernCategory.NEGLECT, "Raised for the idempotency test",
                List.of(), "system");
        long onwardInstance = KEYS.incrementAndGet();
        long stepUpInstance = KEYS.incrementAndGet();
        Map<String, Object> organisation = Map.of("organisation", "Northside Counselling", "service", "COUNSELLING",
                "email", "intake." + onwardInstance + "@northside.example", "reason", "Low mood");
        String school = "Oakfield Academy " + onwardInstance;
        long[] meeting = new long[1];
        insertOrphanTask(ref);

        List<Delivery> table = new ArrayList<>();
        table.add(row("register-referral", false, "Task_RegisterReferral", Map.of(), Map.of("referralId", referralId),
                j -> register.register(j, referralId)));
        table.add(row("screen-referral", true, "Task_ScreenReferral", Map.of(), Map.of(), j -> screen.screen(j, referralId, ref)));
        table.add(row("schedule-deadline", true, "Task_ScheduleIdempotency", Map.of("deadline", "idempotencyCheck",
                "timescale", "triage"), Map.of(), j -> deadline.schedule(j, ref, null)));
        table.add(row("assign-case", true, "Task_AssignCase", Map.of(), Map.of(), j -> assign.assign(j, ref, "maya")));
        table.add(row("send-reminder", true, "Task_Remind", Map.of("message", "A deadline is due"), Map.of(),
                j -> reminder.remind(j, ref, "maya")));
        table.add(row("raise-escalation", true, "Task_Escalate", Map.of("kind", "OVERDUE", "message", "Overdue in a test"), Map.of(),
                j -> escalation.raise(j, ref)));
        table.add(row("send-referrer-letter", true, "Task_SendReferrerLetter", Map.of("letter", "DECLINED"), Map.of(),
                j -> referrerLetter.send(j, ref, "Out of area")));
        table.add(row("send-closure-summary", true, "Task_SendClosureSummary", Map.of(), Map.of(),
                j -> closureSummary.send(j, ref, "Goals met")));
        table.add(row("withdraw-ended-tasks", true, "Task_WithdrawEndedTasks", Map.of(), Map.of(), j -> withdraw.withdraw(j, ref)));
        table.add(row("io.camunda.zeebe:userTask", true, "Task_IdempotencyCheck", Map.of("io.camunda.zeebe:assignee", "maya"),
                Map.of("caseReference", ref), j -> userTask.open(j)));
        table.add(row("send-concern-to-dsl", true, "Task_SendConcernToDsl", Map.of(), Map.of(),
                j -> toDsl.send(j, ref, concernId, "REFERRAL", Instant.now().plusSeconds(14_400).toString())));
        table.add(row("record-safeguarding-decision", true, "Task_RecordSafeguardingDecision", Map.of(), Map.of(),
                j -> decision.record(j, ref, concernId, "STEP_UP", "Reasons", "Called social care", "yes", "dev")));
        RedeliveredJob stepUpJob = job("record-step-up", stepUpInstance, SafeguardingIds.PROCESS, "Task_MarkCaseSteppedUp", Map.of(), Map.of());
        table.add(new Delivery("record-step-up", true, j -> stepUp.stepUp(j, ref, concernId, "dev", null, null, null, null, null, null), stepUpJob));
        table.add(new Delivery("record-social-care-referral", true, j -> socialCare.file(j, ref, "2026-12-01", "CSC-77", "no", null,
                "Referred by phone", "dev"), job("record-social-care-referral", stepUpInstance, SafeguardingIds.PROCESS,
                "Task_FileSocialCareReferral", Map.of(), Map.of())));
        table.add(row("send-meeting-invitations", true, "Task_SendMeetingInvitations", Map.of(), Map.of(), j -> meeting[0] =
                ((Number) invitations.invite(j, ref, "maya", school, "Mr Lee Okoro", "head." + onwardInstance + "@oakfield.example",
                        "2027-01-15", "10:00", 45, "Room 2", "TRUANCY_LETTERS", null, "no").get("schoolMeetingId")).longValue()));
        table.add(row("record-school-meeting-outcome", true, "Task_RecordMeetingOutcome", Map.of(), Map.of(),
                j -> meetingOutcome.record(j, ref, meeting[0], "yes", null, List.of("PARENT", "WORKER"), "TRUANCY_LETTERS_WITHDRAWN",
                        "Weekly check-in", "no", "maya")));
        table.add(new Delivery("send-onward-referral", true, j -> onward.send(j, ref, "maya", organisation, true, null),
                job("send-onward-referral", onwardInstance, OnwardReferralIds.PROCESS, "Task_SendOnwardReferral", Map.of(), Map.of())));
        table.add(new Delivery("chase-onward-referral", true, j -> chase.chase(j, ref, "maya", organisation),
                job("chase-onward-referral", onwardInstance, OnwardReferralIds.PROCESS, "Task_ChaseOrganisation", Map.of(), Map.of())));
        table.add(new Delivery("record-onward-referral-outcome", true, j -> onwardOutcome.record(j, ref, "maya", organisation,
                "ACCEPTED", "First session Tuesday", "maya"), job("record-onward-referral-outcome", onwardInstance,
                OnwardReferralIds.PROCESS, "Task_UpdateOnwardReferral", Map.of(), Map.of())));
        table.add(row("record-consent-to-share", true, "Task_RecordConsentToShare", Map.of(), Map.of(),
                j -> consentToShare.record(j, ref, organisation, "yes", "PARENT_OR_CARER", "2026-12-01", "no", null, "maya")));
        table.add(row("reopen-case (after a close)", true, "Task_ReopenCase", Map.of(), Map.of(), j -> reopen.reopen(j, ref, "priya")));
        table.add(row("close-case", true, "Task_MarkCaseClosed", Map.of("status", "CLOSED"), Map.of(), j -> close.close(j, ref)));
        table.add(row("anonymise-case", true, "Task_AnonymiseCase", Map.of(), Map.of(), j -> anonymise.anonymise(j, ref, anonymiseAt(ref))));

        Map<String, String> twice = new LinkedHashMap<>();
        for (Delivery delivery : table) {
            if (delivery.worker().startsWith("reopen-case")) {
                // A case must be closed before it can be reopened: a close of its own, not the row under test.
                close.close(job("close-case", KEYS.incrementAndGet(), ProcessIds.FAMILY_JOURNEY, "Task_MarkCaseClosed",
                        Map.of("status", "CLOSED"), Map.of()), ref);
            }
            Map<String, Long> before = counts(ref);
            delivery.handle().accept(delivery.job());
            Map<String, Long> once = counts(ref);
            delivery.handle().accept(delivery.job());
            Map<String, Long> again = counts(ref);
            if (!again.equals(once)) {
                twice.put(delivery.worker(), "first " + once + ", second " + again);
            }
            if (delivery.changesSomething()) {
                assertThat(once).as(delivery.worker() + " did something the first time").isNotEqualTo(before);
            }
        }
        assertThat(twice).as("workers whose second delivery wrote again").isEmpty();
        assertThat(table).hasSize(23);
    }

    private String anonymiseAt(String ref) {
        return jdbc.queryForObject("SELECT anonymise_at FROM case_retention WHERE case_reference = ?", Timestamp.class, ref)
                .toInstant().toString();
    }

    private Delivery row(String type, boolean changes, String element, Map<String, String> headers, Map<String, Object> variables,
                         Consumer<RedeliveredJob> handle) {
        String jobType = type.contains(" ") ? type.substring(0, type.indexOf(' ')) : type;
        return new Delivery(type, changes, handle, job(jobType, KEYS.incrementAndGet(), ProcessIds.FAMILY_JOURNEY, element,
                headers, variables));
    }

    private static RedeliveredJob job(String type, long instance, String process, String element, Map<String, String> headers,
                                      Map<String, Object> variables) {
        return new RedeliveredJob(KEYS.incrementAndGet(), type, instance, process, element, headers, new HashMap<>(variables));
    }

    /** An open task the engine no longer has: the withdraw worker's work. */
    private void insertOrphanTask(String ref) {
        jdbc.update("""
                INSERT INTO user_task (engine_generation, job_key, process_instance_key, process_definition_key, bpmn_process_id,
                    element_id, name, case_reference, state, created_at)
                VALUES (?, ?, 1, 1, 'family-journey', 'Task_Orphan', 'Orphan task', ?, 'OPEN', ?)""",
                generation.current(), KEYS.incrementAndGet(), ref, Timestamp.from(Instant.now()));
    }

    private Map<String, Long> counts(String ref) {
        Map<String, Long> counts = new TreeMap<>();
        for (String table : CASE_TABLES) {
            counts.put(table, jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE case_reference = ?", Long.class, ref));
        }
        counts.put("open user_task", jdbc.queryForObject("SELECT COUNT(*) FROM user_task WHERE case_reference = ? AND state = 'OPEN'",
                Long.class, ref));
        counts.put("emails (GreenMail)", java.util.Arrays.stream(MAIL.getReceivedMessages())
                .filter(m -> GreenMailUtil.getHeaders(m).contains(ref) || GreenMailUtil.getBody(m).contains(ref)).count());
        counts.put("case status changes", jdbc.queryForObject(
                "SELECT COUNT(*) FROM journey_entry WHERE case_reference = ? AND kind IN ('CASE_CLOSED', 'CASE_REOPENED', 'CASE_UPDATED')",
                Long.class, ref));
        return counts;
    }
}
