package org.familyjourney.benchmark;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The journey the benchmark walks, the same on the app and on the bare engine: a school referral
 * accepted, allocated, reached, assessed, a plan agreed and approved, one review that closes, the
 * closure approved, and after the 3-month wait the follow-up check-in (not reopened). Every answer is
 * one the task's form accepts (as in JourneyWalkApplicationTest).
 */
final class JourneySteps {

    static final String MANAGER = "priya";
    static final List<String> WORKERS = List.of("maya", "tom", "grace");
    /** The step after which the journey waits for its 3-month follow-up (the clock is moved). */
    static final String BEFORE_FOLLOW_UP = "Task_ApproveClosure";
    record Step(String elementId, boolean byManager, Map<String, Object> answers) {
        String user(String worker) {
            return byManager ? MANAGER : worker;
        }
    }

    private JourneySteps() {
    }

    static List<Step> walk(String worker, LocalDate today) {
        return List.of(
                new Step("Task_TriageReferral", true, Map.of("triageDecision", "ACCEPT", "triageReason", "School attendance support")),
                new Step("Task_AllocateWorker", true, Map.of("allocatedWorker", worker)),
                new Step("Task_MakeFirstContact", false, Map.of("firstContactOutcome", "REACHED", "firstContactDate", today.toString(),
                        "firstContactMethod", "HOME_VISIT", "firstContactNotes", "Met the family at home")),
                new Step("Task_AssessFamily", false, Map.of(
                        "needs", List.of(Map.of("domain", "GOOD_EDUCATION", "score", 2, "description", "Misses school most Mondays")),
                        "strengths", "A loving home", "familyGoals", "Back in school every day",
                        "childsVoice", "I get headaches in the mornings")),
                new Step("Task_AgreeActionPlan", false, Map.of("goals", List.of(Map.of("goal", "Attends school every day",
                                "domain", "GOOD_EDUCATION", "actions", "Morning routine; talk to the school nurse", "owner", "PARENT",
                                "targetDate", today.plusMonths(6).toString())),
                        "schoolMeetingNeeded", false, "onwardReferrals", List.of(), "groupProgrammes", List.of())),
                new Step("Task_ApproveActionPlan", true, Map.of("planApproval", "APPROVE")),
                new Step("Task_ReviewProgress", false, Map.of(
                        "goalProgress", List.of(Map.of("goal", "Attends school every day", "progress", "GOOD")),
                        "reviewScores", List.of(Map.of("domain", "GOOD_EDUCATION", "score", 3)),
                        "reviewDecision", "CLOSE", "reviewSummary", "Attendance up to 92%")),
                new Step("Task_CloseCase", false, Map.of("closureReason", "GOALS_MET",
                        "closingScores", List.of(Map.of("domain", "GOOD_EDUCATION", "score", 4)),
                        "familyFeedback", "Mornings are calmer", "closureSummary", "Now attends every day.")),
                new Step(BEFORE_FOLLOW_UP, true, Map.of("closureApproval", "APPROVE")));
    }

    /** The check-in after the wait, dated on the day it happens. */
    static Step followUp(LocalDate today) {
        return new Step("Task_FollowUpCheckIn", false, Map.of("followUpDate", today.toString(), "followUpNotes", "All well",
                "reopenCase", false));
    }

    /** User tasks per journey: the walk and the follow-up. */
    static int tasksPerJourney() {
        return walk("maya", LocalDate.EPOCH).size() + 1;
    }
}
