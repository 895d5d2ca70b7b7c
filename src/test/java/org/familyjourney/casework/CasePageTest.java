package org.familyjourney.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.familyjourney.support.ApplicationTest;
import org.familyjourney.support.CaseWalk;
import org.familyjourney.support.PageSession;
import org.familyjourney.support.PageSession.Page;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The case page: the family's record for those allowed to read it, every view in the access log. */
class CasePageTest extends ApplicationTest {

    private static final Map<String, Object> ASSESSMENT_WITH_MARKUP = withChildsVoice("I get headaches <script>alert('kit')</script> in the mornings");

    @Autowired
    JdbcTemplate jdbc;

    private int views(String reference, String who) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM access_log WHERE case_reference = ? AND username = ?", Integer.class,
                reference, who);
    }

    private static Map<String, Object> withChildsVoice(String words) {
        Map<String, Object> assessment = new HashMap<>(CaseWalk.ASSESSMENT);
        assessment.put("childsVoice", words);
        return assessment;
    }

    @Test
    void managerReadsTheFamilyReferralTasksAndJourneyAndTheViewIsLogged() {
        String reference = api.referFamily("priya");
        api.awaitTask("priya", reference, "Task_TriageReferral");
        int before = views(reference, "grace");

        Page page = PageSession.signedIn(port, "grace").get("/cases/" + reference);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Case " + reference).contains("Sam Testfamily").contains("Kit Testfamily")
                .contains("Ms Ada Fenwick").contains("Getting a good education").contains("Given by Sam Testfamily")
                .contains("Triage referral").contains("Referral received").contains("Log a 1:1 session")
                .contains("Raise a safeguarding concern").contains("Action plan").contains("Not agreed yet.")
                .contains("No safeguarding concerns.").doesNotContain("??");
        assertThat(views(reference, "grace")).isEqualTo(before + 1);
    }

    @Test
    void walkedCaseShowsItsPlanAssessmentReviewMeetingReferralAndSessionsAndItsClosureOnceClosed() {
        CaseWalk walk = CaseWalk.allocatedTo(api, "maya").firstContactAndAssessment(ASSESSMENT_WITH_MARKUP)
                .planApproved(CaseWalk.GOAL).referralAcceptedAndMeetingHeld().review(CaseWalk.review("CONTINUE", "Attendance up to 92%"));
        String reference = walk.reference;
        assertThat(api.post("maya", "/api/cases/" + reference + "/sessions", Map.of("date", walk.today().toString(),
                "kind", "PHONE", "durationMinutes", "45", "notes", "Checked in after the school meeting")).status()).isEqualTo(201);
        PageSession maya = PageSession.signedIn(port, "maya");
        int before = views(reference, "maya");

        String page = maya.get("/cases/" + reference).body();

        assertThat(views(reference, "maya")).as("one access-log entry per view").isEqualTo(before + 1);
        assertThat(section(page, "plan")).contains("Kit attends school every day").contains("Getting a good education (school attendance)")
                .contains("Morning routine; talk to the school nurse").contains("Parent or carer").contains("30 Jun 2027")
                .contains("Approved by priya").contains("A school advocacy meeting is part of the plan.");
        assertThat(section(page, "assessment")).contains("Kit misses school most Mondays").contains("2 of 5")
                .contains("A loving home").contains("Kit back in school every day")
                .contains("I get headaches &lt;script&gt;alert(&#39;kit&#39;)&lt;/script&gt; in the mornings");
        assertThat(page).doesNotContain("<script>alert");
        assertThat(section(page, "reviews")).contains("Continue with the plan").contains("3 of 5").contains("Good progress")
                .contains("Attendance up to 92%");
        assertThat(section(page, "meetings")).contains(walk.school).contains("Held").contains("Truancy letters or fines withdrawn")
                .contains("School withdraws the letters; weekly check-in");
        assertThat(section(page, "signposting")).contains("Northside Counselling").contains("Counselling").contains("Accepted")
                .contains("First session next Tuesday");
        assertThat(section(page, "sessions")).contains("1 session, 45 minutes in all").contains("Phone call")
                .contains("Checked in after the school meeting");
        assertThat(page).doesNotContain("id=\"closure\"").doesNotContain("??");

        walk.review(CaseWalk.review("CLOSE", "Goals met; Kit attends every day")).closed(Map.of("closureReason", "GOALS_MET",
                "closingScores", List.of(Map.of("domain", "GOOD_EDUCATION", "score", 4)),
                "familyFeedback", "Mornings are calmer", "closureSummary", "Kit now attends every day."));

        String closed = maya.get("/cases/" + reference).body();
        assertThat(section(closed, "closure")).contains("Goals met").contains("Kit now attends every day.")
                .contains("Mornings are calmer").contains("4 of 5");
        assertThat(section(closed, "reviews")).contains("Close the case").contains("Continue with the plan");
    }

    @Test
    void anAuditorSeesTheConsentCardButNotItsFormsToChangeConsent() {
        String reference = api.referFamily("priya");
        api.awaitTask("priya", reference, "Task_TriageReferral");

        String asAuditor = PageSession.signedIn(port, "alex").get("/cases/" + reference).body();
        String asManager = PageSession.signedIn(port, "priya").get("/cases/" + reference).body();

        assertThat(asManager).contains("id=\"consent\"").contains("/consents\"").contains("/withdraw\"");
        assertThat(asAuditor).contains("id=\"consent\"").contains("Given by Sam Testfamily")
                .doesNotContain("/cases/" + reference + "/consents\"").doesNotContain("/withdraw\"");
    }

    @Test
    void textPeopleTypedIsShownEscapedNeverAsMarkup() {
        String reference = api.referFamily("priya");
        assertThat(api.post("priya", "/api/cases/" + reference + "/sessions", Map.of("date", "2026-11-30", "kind", "HOME_VISIT",
                "durationMinutes", "30", "notes", "Mum said <script>alert('x')</script> & <b>left</b>")).status()).isEqualTo(201);

        String page = PageSession.signedIn(port, "priya").get("/cases/" + reference).body();

        assertThat(page).contains("Mum said &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;b&gt;left&lt;/b&gt;")
                .doesNotContain("<script>alert").doesNotContain("<b>left</b>");
    }

    @Test
    void aWorkerWithoutTheCaseIsToldThereIsNoSuchCaseAndNothingIsShown() {
        String reference = api.referFamily("priya");
        Page page = PageSession.signedIn(port, "tom").get("/cases/" + reference);
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.body()).doesNotContain("Sam Testfamily").contains("Page not found");
        assertThat(views(reference, "tom")).isZero();
    }

    @Test
    void unknownCaseIsAFriendly404() {
        Page page = PageSession.signedIn(port, "priya").get("/cases/FJ-1900-000000");
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.body()).contains("Page not found").doesNotContain("Exception");
    }

    /** The HTML of one card, from its article's id to the end of that article. */
    static String section(String page, String id) {
        int start = page.indexOf("id=\"" + id + "\"");
        assertThat(start).as("card " + id).isNotNegative();
        return page.substring(start, page.indexOf("</article>", start));
    }
}
