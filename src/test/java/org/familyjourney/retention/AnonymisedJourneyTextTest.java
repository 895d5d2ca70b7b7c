package org.familyjourney.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.familyjourney.support.ApplicationTest;
import org.familyjourney.support.TextColumns;
import org.familyjourney.support.FamilyWalk;
import org.familyjourney.support.PageSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The free text a family's steps record (notes, needs, comments, the closure summary) is kept beside
 * the hash-chained journey, so anonymisation at the end of retention removes it everywhere while the
 * chain still verifies and the auditor's timeline still shows every step.
 */
class AnonymisedJourneyTextTest extends ApplicationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anonymisingAClosedCaseLeavesNoTraceOfItsFreeTextAndTheChainIntact() {
        String marker = "Quillfeather" + UUID.randomUUID().toString().substring(0, 8);
        FamilyWalk family = FamilyWalk.refer(api, "maya");
        String reference = family.reference();
        family.complete("priya", "Task_TriageReferral", Map.of("triageDecision", "ACCEPT", "triageReason", marker + " asked for help"))
                .complete("priya", "Task_AllocateWorker", Map.of("allocatedWorker", "maya"))
                .complete("maya", "Task_MakeFirstContact", Map.of("firstContactOutcome", "REACHED", "firstContactDate",
                        family.today().toString(), "firstContactMethod", "HOME_VISIT", "firstContactNotes", "Met " + marker + " at home"))
                .complete("maya", "Task_AssessFamily", Map.of("needs", List.of(Map.of("domain", "GOOD_EDUCATION", "score", 2,
                                "description", marker + " misses school")), "strengths", "A loving home",
                        "familyGoals", "Back in school", "childsVoice", "I am " + marker.toUpperCase()))
                .complete("maya", "Task_AgreeActionPlan", Map.of("goals", List.of(Map.of("goal", "Attends every day",
                                "domain", "GOOD_EDUCATION", "actions", "Morning routine", "owner", "PARENT",
                                "targetDate", family.today().plusMonths(6).toString())),
                        "schoolMeetingNeeded", false, "onwardReferrals", List.of(), "groupProgrammes", List.of()))
                .complete("priya", "Task_ApproveActionPlan", Map.of("planApproval", "APPROVE", "planApprovalComment", "Good for " + marker))
                .complete("maya", "Task_ReviewProgress", Map.of("goalProgress", List.of(Map.of("goal", "Attends every day", "progress", "GOOD")),
                        "reviewScores", List.of(Map.of("domain", "GOOD_EDUCATION", "score", 3)),
                        "reviewDecision", "CLOSE", "reviewSummary", marker + " attends"))
                .complete("maya", "Task_CloseCase", Map.of("closureReason", "GOALS_MET",
                        "closingScores", List.of(Map.of("domain", "GOOD_EDUCATION", "score", 4), Map.of("domain", "FAMILY_RELATIONSHIPS", "score", 4)),
                        "familyFeedback", "Calmer", "closureSummary", marker + " now attends every day."))
                .complete("priya", "Task_ApproveClosure", Map.of("closureApproval", "APPROVE", "closureApprovalComment", "Well done " + marker));
        await().atMost(Duration.ofSeconds(30)).until(() -> "SCHEDULED".equals(state(reference)));
        assertThat(api.get("alex", "/api/cases/" + reference + "/journey").raw()).as("the journey shows the answers until then").contains(marker);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM journey_entry WHERE case_reference = ? AND (details LIKE ? OR summary LIKE ?)",
                Integer.class, reference, "%" + marker + "%", "%" + marker + "%")).as("never in the hashed entries").isZero();

        // The journey runs on after closure: the follow-up check-in opens months later, with the answers in its variables.
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM case_deadline WHERE case_reference = ? AND name = 'followUp'", Integer.class, reference) == 1);
        api.moveClockTo(api.deadline(reference, "followUp"));
        api.awaitTask("maya", reference, "Task_FollowUpCheckIn");

        Instant anonymiseAt = jdbc.queryForObject("SELECT anonymise_at FROM case_retention WHERE case_reference = ?",
                Timestamp.class, reference).toInstant();
        Instant now = Instant.parse(api.get("admin", "/api/engine/clock").text("now"));
        assertThat(api.advanceClock(Duration.between(now, anonymiseAt).plusSeconds(1).toString()).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).until(() -> "ANONYMISED".equals(state(reference)));

        assertThat(tablesHolding(marker)).as("tables still holding the family's free text").isEmpty();
        assertThat(tablesHolding(marker.toUpperCase())).isEmpty();
        assertThat(api.get("alex", "/api/audit/journey-chain").body().path("intact").asBoolean()).isTrue();
        String timeline = PageSession.signedIn(port, "alex").get("/audit/cases/" + reference).body();
        assertThat(timeline).doesNotContain(marker).contains("Task &#39;Make first contact&#39; completed by maya")
                .contains("Task &#39;Approve closure&#39; completed by priya").contains("[anonymised]").contains("CASE_ANONYMISED");
    }

    private String state(String reference) {
        List<String> states = jdbc.queryForList("SELECT state FROM case_retention WHERE case_reference = ?", String.class, reference);
        return states.isEmpty() ? null : states.get(0);
    }

    private List<String> tablesHolding(String text) {
        return TextColumns.holding(jdbc, text);
    }
}
