package org.familyjourney.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.familyjourney.support.ApplicationTest;
import org.familyjourney.support.CaseWalk;
import org.junit.jupiter.api.Test;

/**
 * A case open 26 weeks gets a manager's case review; if its closure is approved before anyone does
 * it, the review is withdrawn and the case closes (the benchmark's soak found closures stuck behind
 * such reviews: the case never closed, its follow-up never came).
 */
class LongRunningCaseReviewApplicationTest extends ApplicationTest {

    @Test
    void aClosureApprovedBeforeTheLongRunningReviewWithdrawsTheReviewAndTheCaseCloses() {
        CaseWalk walk = CaseWalk.allocatedTo(api, "maya").firstContactAndAssessment(CaseWalk.ASSESSMENT);
        walk.complete("maya", "Task_AgreeActionPlan", Map.of("goals", List.of(CaseWalk.GOAL), "schoolMeetingNeeded", false,
                "onwardReferrals", List.of(), "groupProgrammes", List.of()));
        walk.complete("priya", "Task_ApproveActionPlan", Map.of("planApproval", "APPROVE"));

        api.advanceClock("P183D");
        long review = api.awaitTask("priya", walk.reference, "Task_ReviewLongRunningCase");
        walk.review(CaseWalk.review("CLOSE", "Attendance up to 92%"));
        walk.closed(Map.of("closureReason", "GOALS_MET", "closingScores", List.of(Map.of("domain", "GOOD_EDUCATION", "score", 4)),
                "familyFeedback", "Mornings are calmer", "closureSummary", "Kit now attends every day."));

        assertThat(api.get("priya", "/api/tasks/" + review).text("state")).isEqualTo("CANCELED");
        assertThat(api.get("priya", "/api/cases/" + walk.reference + "/journey").raw())
                .contains("Task 'Review long-running case' withdrawn");
        assertThat(api.get("priya", "/api/tasks?case=" + walk.reference).body()).extracting(t -> t.path("elementId").asText())
                .doesNotContain("Task_ReviewLongRunningCase");
    }
}
