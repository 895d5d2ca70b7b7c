package org.familyjourney.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.familyjourney.support.ApplicationTest;
import org.familyjourney.support.FamilyWalk;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The journey an auditor reads for one family is exactly what happened, in order, with who did it:
 * walked by the API from referral to approved closure, with the engine's clock moved so that the
 * first contact's reminder and escalation fire.
 */
class JourneyTrailApplicationTest extends ApplicationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyStepOfTheFamilysJourneyIsRecordedInOrderWithWhoDidIt() {
        FamilyWalk family = FamilyWalk.refer(api, "grace");
        String reference = family.reference();
        long triage = family.task("priya", "Task_TriageReferral");
        assertThat(api.post("priya", "/api/tasks/" + triage + "/claim", Map.of()).status()).isEqualTo(204);
        assertThat(api.post("priya", "/api/tasks/" + triage + "/unclaim", Map.of()).status()).isEqualTo(204);
        family.triageAndAllocate();

        long contact = family.task("grace", "Task_MakeFirstContact");
        assertThat(api.post("priya", "/api/tasks/" + contact + "/assign", Map.of("assignee", "maya")).status()).isEqualTo(204);
        assertThat(api.post("priya", "/api/tasks/" + contact + "/assign", Map.of("assignee", "grace")).status()).isEqualTo(204);
        JsonNode firstContact = deadline(reference, "firstContact");
        advanceTo(Instant.parse(firstContact.path("dueAt").asText()), reference, "REMINDER_SENT");
        advanceTo(Instant.parse(firstContact.path("escalateAt").asText()), reference, "ESCALATION_RAISED");
        family.firstContact();
        family.task("grace", "Task_AssessFamily");
        family.session(45);

        long concern = api.post("grace", "/api/cases/" + reference + "/safeguarding-concerns",
                Map.of("category", "NEGLECT", "summary", "Kit came to school hungry three days running")).body().path("concernId").asLong();
        assertThat(concern).isPositive();
        family.complete("dev", "Task_DecideOnConcern", Map.of("dslDecision", "CONTINUE_SUPPORT",
                "dslRationale", "Breakfast club arranged with the school", "familySupportContinues", "yes"));
        await().atMost(Duration.ofSeconds(30)).until(() -> kinds(reference).contains("SAFEGUARDING_DECISION_RECORDED"));

        family.assessAndPlan().closeAndApprove();
        await().atMost(Duration.ofSeconds(30)).until(() -> trail(reference).getLast().equals("system DEADLINE_SET Task_ScheduleFollowUp"));

        List<String> trail = trail(reference);
        assertThat(trail).as(String.join("\n", trail)).containsExactly(
                "priya REFERRAL_RECEIVED StartEvent_ReferralReceived",
                "system CASE_OPENED Task_RegisterReferral",
                "system DEADLINE_SET Task_ScheduleCaseReview",
                "system REFERRAL_SCREENED Task_ScreenReferral",
                "system DEADLINE_SET Task_ScheduleTriage",
                "system TASK_CREATED Task_TriageReferral",
                "priya TASK_CLAIMED Task_TriageReferral",
                "priya TASK_RELEASED Task_TriageReferral",
                "priya TASK_COMPLETED Task_TriageReferral",
                "system DEADLINE_MET Task_TriageReferral",
                "system DEADLINE_SET Task_ScheduleAllocation",
                "system TASK_CREATED Task_AllocateWorker",
                "priya TASK_COMPLETED Task_AllocateWorker",
                "system DEADLINE_MET Task_AllocateWorker",
                "system CASE_UPDATED Task_AssignCase",
                "system DEADLINE_SET Task_ScheduleFirstContact",
                "system TASK_CREATED Task_MakeFirstContact",
                "priya TASK_ASSIGNED Task_MakeFirstContact",
                "priya TASK_ASSIGNED Task_MakeFirstContact",
                "system REMINDER_SENT Task_RemindFirstContact",
                "system NOTIFICATION_SENT Task_RemindFirstContact",
                "system ESCALATION_RAISED Task_EscalateFirstContact",
                "system NOTIFICATION_SENT Task_EscalateFirstContact",
                "system NOTIFICATION_SENT Task_EscalateFirstContact",
                "grace TASK_COMPLETED Task_MakeFirstContact",
                "system DEADLINE_MISSED Task_MakeFirstContact",
                "system DEADLINE_SET Task_ScheduleAssessment",
                "system TASK_CREATED Task_AssessFamily",
                "grace SESSION_RECORDED ",
                "grace SAFEGUARDING_CONCERN_RAISED ",
                "system DEADLINE_SET Task_ScheduleDslDecision",
                "system SAFEGUARDING_CONCERN_RAISED Task_SendConcernToDsl",
                "system NOTIFICATION_SENT Task_SendConcernToDsl",
                "system TASK_CREATED Task_DecideOnConcern",
                "dev TASK_COMPLETED Task_DecideOnConcern",
                "system DEADLINE_MET Task_DecideOnConcern",
                "dev SAFEGUARDING_DECISION_RECORDED Task_RecordSafeguardingDecision",
                "grace TASK_COMPLETED Task_AssessFamily",
                "system DEADLINE_MET Task_AssessFamily",
                "system DEADLINE_SET Task_SchedulePlan",
                "system TASK_CREATED Task_AgreeActionPlan",
                "grace TASK_COMPLETED Task_AgreeActionPlan",
                "system DEADLINE_MET Task_AgreeActionPlan",
                "system TASK_CREATED Task_ApproveActionPlan",
                "priya TASK_COMPLETED Task_ApproveActionPlan",
                "priya APPROVAL_DECIDED Task_ApproveActionPlan",
                "system DEADLINE_SET Task_ScheduleReview",
                "system TASK_CREATED Task_ReviewProgress",
                "grace TASK_COMPLETED Task_ReviewProgress",
                "system DEADLINE_MET Task_ReviewProgress",
                "system TASK_CREATED Task_CloseCase",
                "grace TASK_COMPLETED Task_CloseCase",
                "system TASK_CREATED Task_ApproveClosure",
                "priya TASK_COMPLETED Task_ApproveClosure",
                "priya APPROVAL_DECIDED Task_ApproveClosure",
                "system NOTIFICATION_SENT Task_SendClosureSummary",
                "system NOTIFICATION_SENT Task_SendClosureSummary",
                "system CASE_CLOSED Task_MarkCaseClosed",
                // The retention deadline: when the closed case's personal data is anonymised.
                "system DEADLINE_SET Task_MarkCaseClosed",
                "system DEADLINE_SET Task_ScheduleFollowUp");

        JsonNode entries = api.get("alex", "/api/cases/" + reference + "/journey").body();
        assertThat(details(entries, "REFERRAL_RECEIVED").path("source").asText()).isEqualTo("SCHOOL");
        assertThat(details(entries, "DEADLINE_MISSED").path("lateSeconds").asLong()).isPositive();
        assertThat(details(entries, "APPROVAL_DECIDED").path("decision").asText()).isEqualTo("APPROVE");
        assertThat(details(entries, "APPROVAL_DECIDED").path("comment").asText()).isEqualTo("A clear plan");
        assertThat(details(entries, "CASE_CLOSED").path("status").asText()).isEqualTo("CLOSED");
    }

    private JsonNode details(JsonNode entries, String kind) {
        for (JsonNode entry : entries) {
            if (kind.equals(entry.path("kind").asText())) {
                try {
                    return new com.fasterxml.jackson.databind.ObjectMapper().readTree(entry.path("details").asText());
                } catch (java.io.IOException e) {
                    throw new AssertionError(e);
                }
            }
        }
        throw new AssertionError("No " + kind + " entry");
    }

    /** Moves the journey's clock just past the moment, and waits for the entry the timer there writes. */
    private void advanceTo(Instant moment, String reference, String kind) {
        Instant now = Instant.parse(api.get("admin", "/api/engine/clock").text("now"));
        if (now.isBefore(moment)) {
            api.advanceClock(Duration.between(now, moment).plusMinutes(1).toString());
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> kinds(reference).contains(kind));
        awaitQuiet();
    }

    /**
     * Moving the clock fires the due timers of every family in the test database's engine, not only this
     * one: wait until the journey log stops growing, so the next test does not queue behind them.
     */
    private void awaitQuiet() {
        long[] last = {-1};
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            long head = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM journey_entry", Long.class);
            boolean quiet = head == last[0];
            last[0] = head;
            return quiet;
        });
    }

    private JsonNode deadline(String reference, String name) {
        for (JsonNode deadline : api.get("priya", "/api/cases/" + reference).body().path("deadlines")) {
            if (name.equals(deadline.path("name").asText())) {
                return deadline;
            }
        }
        throw new AssertionError("No deadline " + name + " on " + reference);
    }

    private List<String> kinds(String reference) {
        List<String> kinds = new ArrayList<>();
        api.get("priya", "/api/cases/" + reference + "/journey").body().forEach(e -> kinds.add(e.path("kind").asText()));
        return kinds;
    }

    private List<String> trail(String reference) {
        List<String> trail = new ArrayList<>();
        for (JsonNode entry : api.get("priya", "/api/cases/" + reference + "/journey").body()) {
            trail.add(entry.path("actor").asText() + " " + entry.path("kind").asText() + " " + entry.path("step").asText(""));
        }
        return trail;
    }
}
