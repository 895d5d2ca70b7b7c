package org.familyjourney.caseimport;

import io.camunda.client.CamundaClient;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.familyjourney.casework.CaseRegister;
import org.familyjourney.casework.FamilyCase;
import org.familyjourney.deadline.CaseDeadlines;
import org.familyjourney.deadline.Timescales;
import org.familyjourney.deadline.WorkingCalendar;
import org.familyjourney.engine.EngineGeneration;
import org.familyjourney.journey.JourneyKind;
import org.familyjourney.journey.JourneyLog;
import org.familyjourney.processes.JobRef;
import org.familyjourney.processes.ProcessIds;
import org.familyjourney.referral.Referral;
import org.familyjourney.referral.ReferralRepository;
import org.familyjourney.referral.ReferralValidator;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports one checked row: the referral as received on its date, the case opened and allocated to
 * its worker, and the journey started right before the row's current step with the start
 * instructions recovery uses, its deadline the spreadsheet's (absolute; never recomputed from today)
 * and the 26-week case review counted from the referral date.
 */
@Component
class CaseImporter {

    private final ReferralValidator validator;
    private final ReferralRepository referrals;
    private final CaseRegister cases;
    private final CaseDeadlines deadlines;
    private final Timescales timescales;
    private final WorkingCalendar calendar;
    private final CamundaClient engine;
    private final EngineGeneration generation;
    private final JourneyLog journey;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final boolean assessmentApproval;

    CaseImporter(ReferralValidator validator, ReferralRepository referrals, CaseRegister cases, CaseDeadlines deadlines,
                 Timescales timescales, WorkingCalendar calendar, CamundaClient engine, EngineGeneration generation,
                 JourneyLog journey, JdbcTemplate jdbc, TransactionTemplate transaction,
                 @Value("${familyjourney.journey.assessment-approval:false}") boolean assessmentApproval) {
        this.validator = validator;
        this.referrals = referrals;
        this.cases = cases;
        this.deadlines = deadlines;
        this.timescales = timescales;
        this.calendar = calendar;
        this.engine = engine;
        this.generation = generation;
        this.journey = journey;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.assessmentApproval = assessmentApproval;
    }

    /** Returns the new case's reference. */
    String importRow(ImportRows.ValidRow row, String importedBy) {
        var valid = validator.validate(row.referral());
        long gen = generation.current();
        FamilyCase opened = transaction.execute(tx -> {
            Referral stored = referrals.save(new Referral(null, row.referredAt(), importedBy, valid.source(), valid.referrer(),
                    valid.parent(), valid.children(), valid.concerns().stream().map(Referral.ConcernRef::new).collect(Collectors.toSet()),
                    valid.details(), valid.consent(), null, null));
            // The instance key is set once the journey has started, right below.
            return cases.open(stored.id(), 0L, gen);
        });
        Instant due = row.stepDue();
        Instant escalateAt = row.step().escalateAfter == null ? null : calendar.after(due, timescales.named(row.step().escalateAfter));
        Instant caseReviewDue = calendar.after(row.referredAt(), timescales.named("case-review"));
        Map<String, Object> variables = new HashMap<>();
        variables.put("referralId", opened.referralId());
        variables.put("referralSource", valid.source().name());
        variables.put("consentGiven", Boolean.TRUE.equals(valid.consent().given()));
        variables.put("safeguardingIndicated", false);
        variables.put("assessmentApprovalRequired", assessmentApproval);
        variables.put("reopened", false);
        variables.put("caseReference", opened.reference());
        variables.put("referredAt", row.referredAt().toString());
        variables.put("deadlinesFrom", row.referredAt().toString());
        variables.put("allocatedWorker", row.worker());
        variables.put("caseReviewDue", caseReviewDue.toString());
        variables.put(row.step().deadline + "Due", due.toString());
        if (escalateAt != null) {
            variables.put(row.step().deadline + "EscalateAt", escalateAt.toString());
        }
        if (row.step() == ImportStep.REVIEW) {
            variables.put("schoolMeetingNeeded", false);
            variables.put("onwardReferrals", List.of());
            variables.put("groupProgrammes", List.of());
        }
        long instance = engine.newCreateInstanceCommand().bpmnProcessId(ProcessIds.FAMILY_JOURNEY).latestVersion()
                .variables(variables).startBeforeElement(row.step().elementId).send().join().getProcessInstanceKey();
        transaction.executeWithoutResult(tx -> {
            jdbc.update("UPDATE family_case SET process_instance_key = ?, engine_generation = ?, status = 'ALLOCATED', worker = ? WHERE id = ?",
                    instance, gen, row.worker(), opened.id());
            jdbc.update("UPDATE referral SET process_instance_key = ?, engine_generation = ? WHERE id = ?", instance, gen, opened.referralId());
            // Negative keys: these deadlines were set by the import, not by a job the engine could hand out.
            JobRef source = new JobRef(gen, -instance, instance, row.step().elementId);
            deadlines.saveImported(new CaseDeadlines.Deadline(opened.reference(), row.step().deadline, due, escalateAt), source);
            deadlines.saveImported(new CaseDeadlines.Deadline(opened.reference(), "caseReview", caseReviewDue, null),
                    new JobRef(gen, -instance - 1, instance, "Task_ScheduleCaseReview"));
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("step", row.step().name());
            details.put("due", due.toString());
            details.put("worker", row.worker());
            details.put("line", row.line());
            journey.record(opened.reference(), JourneyKind.CASE_UPDATED, row.step().elementId, importedBy,
                    "Case imported from the caseload spreadsheet at step " + row.step().name() + ", due " + due + ", worker " + row.worker(),
                    details);
        });
        return opened.reference();
    }
}
