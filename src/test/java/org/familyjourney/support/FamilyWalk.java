package org.familyjourney.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.familyjourney.support.TestApi.Response;

/**
 * One family taken step by step along the journey by the API, as JourneyWalkApplicationTest does,
 * for tests that need a case with a history: triage, allocation, first contact, assessment, plan,
 * review and an approved closure. Each step waits for its task, so the history is in a known order.
 */
public final class FamilyWalk {

    public static final String MANAGER = "priya";

    public static final Map<String, Object> ASSESSMENT = Map.of(
            "needs", List.of(Map.of("domain", "GOOD_EDUCATION", "score", 2, "description", "Kit misses school most Mondays"),
                    Map.of("domain", "FAMILY_RELATIONSHIPS", "score", 3, "description", "Arguments at bedtime")),
            "strengths", "A loving home", "familyGoals", "Kit back in school every day", "childsVoice", "I get headaches in the mornings");

    private final TestApi api;
    private final String worker;
    private final String reference;

    private FamilyWalk(TestApi api, String worker, String reference) {
        this.api = api;
        this.worker = worker;
        this.reference = reference;
    }

    /** A new family referred by the manager (a school referral). */
    public static FamilyWalk refer(TestApi api, String worker) {
        return new FamilyWalk(api, worker, api.referFamily(MANAGER));
    }

    public String reference() {
        return reference;
    }

    public long task(String user, String step) {
        return api.awaitTask(user, reference, step);
    }

    public FamilyWalk complete(String user, String step, Map<String, Object> answers) {
        Response done = api.completeTask(user, task(user, step), answers);
        assertThat(done.status()).as(step + ": " + done.raw()).isEqualTo(204);
        return this;
    }

    public FamilyWalk triageAndAllocate() {
        complete(MANAGER, "Task_TriageReferral", Map.of("triageDecision", "ACCEPT", "triageReason", "School attendance support"));
        complete(MANAGER, "Task_AllocateWorker", Map.of("allocatedWorker", worker));
        return this;
    }

    public FamilyWalk firstContact() {
        return complete(worker, "Task_MakeFirstContact", Map.of("firstContactOutcome", "REACHED",
                "firstContactDate", today().toString(), "firstContactMethod", "HOME_VISIT", "firstContactNotes", "Met Sam and Kit at home"));
    }

    public FamilyWalk assessAndPlan() {
        complete(worker, "Task_AssessFamily", ASSESSMENT);
        complete(worker, "Task_AgreeActionPlan", Map.of("goals", List.of(Map.of("goal", "Kit attends school every day",
                        "domain", "GOOD_EDUCATION", "actions", "Morning routine; talk to the school nurse", "owner", "PARENT",
                        "targetDate", today().plusMonths(6).toString())),
                "schoolMeetingNeeded", false, "onwardReferrals", List.of(), "groupProgrammes", List.of()));
        return complete(MANAGER, "Task_ApproveActionPlan", Map.of("planApproval", "APPROVE", "planApprovalComment", "A clear plan"));
    }

    public FamilyWalk session(int minutes) {
        Response logged = api.post(worker, "/api/cases/" + reference + "/sessions", Map.of("date", today().toString(),
                "kind", "HOME_VISIT", "durationMinutes", minutes, "notes", "Talked through the morning routine"));
        assertThat(logged.status()).as(logged.raw()).isEqualTo(201);
        return this;
    }

    /** Review decides to close; the worker closes with scores; the manager approves. */
    public FamilyWalk closeAndApprove() {
        complete(worker, "Task_ReviewProgress", Map.of("goalProgress", List.of(Map.of("goal", "Kit attends school every day", "progress", "GOOD")),
                "reviewScores", List.of(Map.of("domain", "GOOD_EDUCATION", "score", 3)),
                "reviewDecision", "CLOSE", "reviewSummary", "Attendance up to 92%"));
        complete(worker, "Task_CloseCase", Map.of("closureReason", "GOALS_MET",
                "closingScores", List.of(Map.of("domain", "GOOD_EDUCATION", "score", 4), Map.of("domain", "FAMILY_RELATIONSHIPS", "score", 4)),
                "familyFeedback", "Mornings are calmer", "closureSummary", "Kit now attends every day."));
        complete(MANAGER, "Task_ApproveClosure", Map.of("closureApproval", "APPROVE"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(api.get(MANAGER, "/api/cases/" + reference).text("status")).isEqualTo("CLOSED"));
        return this;
    }

    public LocalDate today() {
        return today(api);
    }

    /** Today in the UK by the journey's clock (tests move it). */
    public static LocalDate today(TestApi api) {
        return LocalDate.ofInstant(Instant.parse(api.get("admin", "/api/engine/clock").text("now")), ZoneId.of("Europe/London"));
    }
}
