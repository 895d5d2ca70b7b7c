package org.familyjourney.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.familyjourney.casework.AssignCaseWorker;
import org.familyjourney.casework.CaseRegister;
import org.familyjourney.casework.CloseCaseWorker;
import org.familyjourney.engine.EngineGeneration;
import org.familyjourney.letters.SendClosureSummaryWorker;
import org.familyjourney.letters.SendReferrerLetterWorker;
import org.familyjourney.processes.ProcessIds;
import org.familyjourney.processes.SafeguardingIds;
import org.familyjourney.safeguarding.RecordStepUpWorker;
import org.familyjourney.signposting.RecordConsentToShareWorker;
import org.familyjourney.support.ApplicationTest;
import org.familyjourney.support.RedeliveredJob;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Steps whose job did its work on the old engine run but whose completion was lost: recovery re-creates
 * them and their new job, linked to the old one (recovery_link), must find the old job's work done,
 * even where the case changed in between (another worker, a new email address, reopened).
 */
class RecoveredStepsOnceOnlyTest extends ApplicationTest {

    private static final AtomicLong KEYS = new AtomicLong(Long.MAX_VALUE / 2 + System.nanoTime() % 1_000_000_000L);

    @Autowired JdbcTemplate jdbc;
    @Autowired EngineGeneration generation;
    @Autowired CaseRegister cases;
    @Autowired AssignCaseWorker assign;
    @Autowired CloseCaseWorker close;
    @Autowired SendReferrerLetterWorker referrerLetter;
    @Autowired SendClosureSummaryWorker closureSummary;
    @Autowired RecordStepUpWorker stepUp;
    @Autowired RecordConsentToShareWorker consentToShare;

    @Test
    void aRecoveredAllocationStepDoesNotUndoALaterMoveToAnotherWorker() {
        String ref = referred();
        RedeliveredJob old = job("assign-case", ProcessIds.FAMILY_JOURNEY, "Task_AssignCase", Map.of());
        assign.assign(old, ref, "maya");
        cases.reassign(ref, "tom", "priya", "Maya's caseload is full");

        assign.assign(recreated(old), ref, "maya");

        assertThat(cases.find(ref).worker()).isEqualTo("tom");
        assertThat(entries(ref, "CASE_UPDATED", "Task_AssignCase")).isOne();
    }

    @Test
    void aRecoveredClosureStepDoesNotCloseAReopenedCaseAgain() {
        String ref = referred();
        RedeliveredJob old = job("close-case", ProcessIds.FAMILY_JOURNEY, "Task_MarkCaseClosed", Map.of("status", "CLOSED"));
        close.close(old, ref);
        cases.reopen(ref, "Task_ReopenCase", 0L, generation.current(), "priya");

        close.close(recreated(old), ref);

        assertThat(cases.find(ref).closedAt()).isNull();
        assertThat(entries(ref, "CASE_CLOSED", "Task_MarkCaseClosed")).isOne();
    }

    @Test
    void aRecoveredLetterStepDoesNotWriteAgainToAnAddressChangedSince() {
        String ref = referred();
        RedeliveredJob old = job("send-referrer-letter", ProcessIds.FAMILY_JOURNEY, "Task_SendReferrerLetter", Map.of("letter", "DECLINED"));
        referrerLetter.send(old, ref, "Out of area");
        jdbc.update("UPDATE referral r JOIN family_case c ON c.referral_id = r.id SET r.referrer_email = ? WHERE c.reference = ?",
                "new.address." + KEYS.incrementAndGet() + "@school.example", ref);

        referrerLetter.send(recreated(old), ref, "Out of area");

        assertThat(notifications(ref)).isOne();
    }

    @Test
    void theNewJobsOfRecoveredStepsFindTheirOldJobsWorkDone() {
        String ref = referred();
        Map<String, Object> organisation = Map.of("organisation", "Northside Counselling", "service", "COUNSELLING",
                "email", "intake." + KEYS.incrementAndGet() + "@northside.example", "reason", "Low mood");
        Map<String, Consumer<RedeliveredJob>> steps = new LinkedHashMap<>();
        Map<String, RedeliveredJob> jobs = new LinkedHashMap<>();
        jobs.put("send-closure-summary", job("send-closure-summary", ProcessIds.FAMILY_JOURNEY, "Task_SendClosureSummary", Map.of()));
        steps.put("send-closure-summary", j -> closureSummary.send(j, ref, "Goals met"));
        jobs.put("record-step-up", job("record-step-up", SafeguardingIds.PROCESS, "Task_MarkCaseSteppedUp", Map.of()));
        steps.put("record-step-up", j -> stepUp.stepUp(j, ref, null, "dev", null, null, null, null, null, null));
        jobs.put("record-consent-to-share", job("record-consent-to-share", ProcessIds.FAMILY_JOURNEY, "Task_RecordConsentToShare", Map.of()));
        steps.put("record-consent-to-share", j -> consentToShare.record(j, ref, organisation, "yes", "PARENT_OR_CARER", "2026-12-01",
                "no", null, "maya"));

        Map<String, String> twice = new LinkedHashMap<>();
        steps.forEach((step, handle) -> {
            handle.accept(jobs.get(step));
            Map<String, Long> once = counts(ref);
            handle.accept(recreated(jobs.get(step)));
            Map<String, Long> again = counts(ref);
            if (!again.equals(once)) {
                twice.put(step, "first " + once + ", after recovery " + again);
            }
        });
        assertThat(twice).as("steps whose recovered job did their work again").isEmpty();
        assertThat(notifications(ref)).as("the closure summary to the parent and the referrer, once each").isEqualTo(2);
    }

    private String referred() {
        String ref = api.referFamily("priya");
        api.awaitTask("priya", ref, "Task_TriageReferral");
        return ref;
    }

    private RedeliveredJob job(String type, String process, String element, Map<String, String> headers) {
        return new RedeliveredJob(KEYS.incrementAndGet(), type, KEYS.incrementAndGet(), process, element, headers, new HashMap<>());
    }

    /** The job the re-created step gets on the new engine run, linked to the old one as recovery links it. */
    private RedeliveredJob recreated(RedeliveredJob old) {
        long newJob = KEYS.incrementAndGet();
        jdbc.update("INSERT INTO recovery_link (engine_generation, job_key, origin_generation, origin_job_key) VALUES (?, ?, ?, ?)",
                generation.current(), newJob, generation.current(), old.key());
        return new RedeliveredJob(newJob, old.type(), KEYS.incrementAndGet(), old.bpmnProcessId(), old.elementId(),
                old.customHeaders(), old.variables());
    }

    private Map<String, Long> counts(String ref) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : List.of("notification", "case_step_up", "consent_to_share", "consent", "consent_override", "journey_entry")) {
            counts.put(table, jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE case_reference = ?", Long.class, ref));
        }
        return counts;
    }

    private int entries(String ref, String kind, String step) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM journey_entry WHERE case_reference = ? AND kind = ? AND step = ?",
                Integer.class, ref, kind, step);
    }

    private int notifications(String ref) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM notification WHERE case_reference = ?", Integer.class, ref);
    }
}
