package org.familyjourney.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.familyjourney.processes.OnwardReferralIds;
import org.familyjourney.processes.SchoolAdvocacyIds;
import org.familyjourney.support.TestApi.Response;

/**
 * A family walked through the journey by the API, as JourneyWalkApplicationTest does, for tests that
 * need a case with records on it: allocated to a worker, assessed, with an approved plan that asks for
 * a school advocacy meeting and one onward referral, then both done and a review held. Priya (a
 * manager) triages, allocates and approves; the worker does the rest.
 */
public final class CaseWalk {

    private static final ZoneId UK = ZoneId.of("Europe/London");

    public static final Map<String, Object> ASSESSMENT = Map.of(
            "needs", List.of(Map.of("domain", "GOOD_EDUCATION", "score", 2, "description", "Kit misses school most Mondays")),
            "strengths", "A loving home", "familyGoals", "Kit back in school every day",
            "childsVoice", "I get headaches in the mornings");
    public static final Map<String, Object> GOAL = Map.of("goal", "Kit attends school every day", "domain", "GOOD_EDUCATION",
            "actions", "Morning routine; talk to the school nurse", "owner", "PARENT", "targetDate", "2027-06-30");

    public final String reference;
    public final String worker;
    public final String school = "Oakfield Academy " + UUID.randomUUID().toString().substring(0, 6);
    private final TestApi api;

    private CaseWalk(TestApi api, String reference, String worker) {
        this.api = api;
        this.reference = reference;
        this.worker = worker;
    }

    /** A new family, triaged and allocated; returns once the worker holds the case. */
    public static CaseWalk allocatedTo(TestApi api, String worker) {
        return allocatedTo(api, api.referFamily("priya"), worker);
    }

    /** A family already referred (e.g. with the test's own details), triaged and allocated. */
    public static CaseWalk allocatedTo(TestApi api, String reference, String worker) {
        return allocatedBy(api, "priya", reference, worker);
    }

    /** The same, triaged and allocated by the manager given (an intake team's: priya or grace). */
    public static CaseWalk allocatedBy(TestApi api, String manager, String reference, String worker) {
        CaseWalk walk = new CaseWalk(api, reference, worker);
        walk.complete(manager, "Task_TriageReferral", Map.of("triageDecision", "ACCEPT", "triageReason", "School attendance support"));
        walk.complete(manager, "Task_AllocateWorker", Map.of("allocatedWorker", worker));
        await().atMost(Duration.ofSeconds(30)).until(() -> worker.equals(api.get(manager, "/api/cases/" + walk.reference).text("worker")));
        return walk;
    }

    public CaseWalk firstContactAndAssessment(Map<String, Object> assessment) {
        complete(worker, "Task_MakeFirstContact", Map.of("firstContactOutcome", "REACHED", "firstContactDate", today().toString(),
                "firstContactMethod", "HOME_VISIT", "firstContactNotes", "Met Sam and Kit at home"));
        complete(worker, "Task_AssessFamily", assessment);
        return this;
    }

    /** The plan agreed (with a school meeting and an onward referral to counselling) and approved. */
    public CaseWalk planApproved(Map<String, Object> goal) {
        complete(worker, "Task_AgreeActionPlan", Map.of("goals", List.of(goal), "schoolMeetingNeeded", true,
                "onwardReferrals", List.of(Map.of("organisation", "Northside Counselling", "service", "COUNSELLING",
                        "email", "intake." + UUID.randomUUID().toString().substring(0, 8) + "@northside.example",
                        "reason", "Low mood since the family moved")),
                "groupProgrammes", List.of()));
        complete("priya", "Task_ApproveActionPlan", Map.of("planApproval", "APPROVE"));
        return this;
    }

    /**
     * The onward referral accepted, and the school meeting held and recorded. The meeting is arranged
     * for midnight today, already past, so the outcome is asked for at once without moving the
     * engine's clock (a clock jump fires every other test family's timers too).
     */
    public CaseWalk referralAcceptedAndMeetingHeld() {
        complete(worker, OnwardReferralIds.Elements.RECORD_ORGANISATION_ANSWER,
                Map.of("onwardReferralAnswer", "ACCEPTED", "onwardReferralAnswerNotes", "First session next Tuesday"));
        Map<String, Object> meeting = new HashMap<>(Map.of("schoolName", school, "schoolContactName", "Mr Lee Okoro",
                "schoolContactEmail", "head.of.year@oakfield.example", "meetingDate", today().toString(),
                "meetingStartTime", "00:00", "meetingDurationMinutes", 45, "meetingPlace", "Meeting room 2",
                "meetingPurpose", "TRUANCY_LETTERS", "inviteParent", "no"));
        complete(worker, SchoolAdvocacyIds.Elements.ARRANGE_SCHOOL_MEETING, meeting);
        complete(worker, SchoolAdvocacyIds.Elements.RECORD_MEETING_OUTCOME, Map.of("meetingHeld", "yes",
                "meetingAttendees", List.of("PARENT", "WORKER"), "meetingOutcome", "TRUANCY_LETTERS_WITHDRAWN",
                "agreedActions", "School withdraws the letters; weekly check-in", "followUpMeetingNeeded", "no"));
        return this;
    }

    public static Map<String, Object> review(String decision, String summary) {
        return Map.of("goalProgress", List.of(Map.of("goal", "Kit attends school every day", "progress", "GOOD")),
                "reviewScores", List.of(Map.of("domain", "GOOD_EDUCATION", "score", 3)),
                "reviewDecision", decision, "reviewSummary", summary);
    }

    /** A review with these answers. */
    public CaseWalk review(Map<String, Object> answers) {
        long review = api.awaitTask(worker, reference, "Task_ReviewProgress");
        Response done = api.completeTask(worker, review, answers);
        assertThat(done.status()).as("review: " + done.raw()).isEqualTo(204);
        return this;
    }

    /** Closed by the worker, approved by priya; returns once the case is closed. */
    public CaseWalk closed(Map<String, Object> closure) {
        complete(worker, "Task_CloseCase", closure);
        complete("priya", "Task_ApproveClosure", Map.of("closureApproval", "APPROVE"));
        await().atMost(Duration.ofSeconds(30)).until(() -> "CLOSED".equals(api.get("priya", "/api/cases/" + reference).text("status")));
        return this;
    }

    public void complete(String user, String step, Map<String, Object> answers) {
        Response done = api.completeTask(user, api.awaitTask(user, reference, step), answers);
        assertThat(done.status()).as(step + ": " + done.raw()).isEqualTo(204);
    }

    /** Today on the engine's clock, which other tests move on. */
    public LocalDate today() {
        JsonNode clock = api.get("admin", "/api/engine/clock").body();
        return LocalDate.ofInstant(Instant.parse(clock.path("now").asText()), UK);
    }
}
