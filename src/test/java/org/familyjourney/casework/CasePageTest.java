package org.familyjourney.casework;

import static org.assertj.core.api.Assertions.assertThat;

import org.familyjourney.support.ApplicationTest;
import org.familyjourney.support.PageSession;
import org.familyjourney.support.PageSession.Page;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The case page: the family's record for those allowed to read it, every view in the access log. */
class CasePageTest extends ApplicationTest {

    @Autowired
    JdbcTemplate jdbc;

    private int views(String reference, String who) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM access_log WHERE case_reference = ? AND username = ?", Integer.class,
                reference, who);
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
                .contains("Raise a safeguarding concern").contains("Action plan");
        assertThat(views(reference, "grace")).isEqualTo(before + 1);
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
    void sessionAndSafeguardingFormsSayTheyAreNotConnectedAndNameTheLead() {
        String reference = api.referFamily("priya");
        PageSession priya = PageSession.signedIn(port, "priya");
        assertThat(priya.get("/cases/" + reference + "/sessions/new").body()).contains("Not connected yet");
        Page concern = priya.get("/cases/" + reference + "/safeguarding-concerns/new");
        assertThat(concern.body()).contains("call 999").contains("Dev Sharma").contains("cannot send a concern yet");
        assertThat(views(reference, "priya")).isGreaterThanOrEqualTo(2);
    }

    @Test
    void unknownCaseIsAFriendly404() {
        Page page = PageSession.signedIn(port, "priya").get("/cases/FJ-1900-000000");
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.body()).contains("Page not found").doesNotContain("Exception");
    }
}
