package org.familyjourney.safeguarding;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.familyjourney.support.ApplicationTest;
import org.familyjourney.support.PageSession;
import org.familyjourney.support.PageSession.Page;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Raising a safeguarding concern from the case page: sent to the DSL at once; 999 and the leads always shown. */
class ConcernPageTest extends ApplicationTest {

    @Autowired
    JdbcTemplate jdbc;

    private int stored(String reference) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM safeguarding_concern WHERE case_reference = ?", Integer.class, reference);
    }

    @Test
    void raisedConcernIsSentToTheDslAndListedOnTheCasePageAndByTheApi() {
        String reference = api.referFamily("priya");
        api.awaitTask("priya", reference, "Task_TriageReferral");
        PageSession grace = PageSession.signedIn(port, "grace");
        Page form = grace.get("/cases/" + reference + "/safeguarding-concerns/new");
        assertThat(form.body()).contains("call 999").contains("Dev Sharma").doesNotContain("disabled=\"disabled\"");

        Page posted = grace.postForm("/cases/" + reference + "/safeguarding-concerns/new", Map.of("category", "NEGLECT",
                "summary", "Kit came to the group session hungry and in the same clothes all week."));

        assertThat(posted.status()).isEqualTo(302);
        assertThat(posted.location()).endsWith("/cases/" + reference);
        String page = grace.follow(posted).body();
        assertThat(page).contains("Concern sent to the designated safeguarding lead");
        int card = page.indexOf("id=\"concerns\"");
        assertThat(page.substring(card, page.indexOf("</article>", card))).contains("Neglect").contains("With the DSL")
                .contains("Raised by grace").contains("hungry and in the same clothes all week");
        JsonNode concerns = api.get("priya", "/api/cases/" + reference + "/safeguarding-concerns").body();
        assertThat(concerns.path("count").asInt()).isOne();
        assertThat(concerns.path("concerns").get(0).path("category").asText()).isEqualTo("NEGLECT");
        assertThat(concerns.path("concerns").get(0).path("raisedBy").asText()).isEqualTo("grace");
        assertThat(concerns.path("concerns").get(0).path("state").asText()).isEqualTo("WITH_DSL");
    }

    @Test
    void missingSummaryIsShownBesideTheFieldWithTheCategoryKept() {
        String reference = api.referFamily("priya");
        PageSession priya = PageSession.signedIn(port, "priya");
        priya.get("/cases/" + reference + "/safeguarding-concerns/new");

        Page refused = priya.postForm("/cases/" + reference + "/safeguarding-concerns/new", Map.of("category", "EXPLOITATION", "summary", " "));

        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("What happened, and what you saw or heard is required").contains("href=\"#summary\"")
                .contains("<option value=\"EXPLOITATION\" selected=\"selected\">").contains("call 999");
        assertThat(stored(reference)).isZero();
    }

    @Test
    void workerWhoCannotReadTheCaseCanStillRaiseAConcernAndSeesNothingOfTheFamily() {
        String reference = api.referFamily("priya");
        PageSession tom = PageSession.signedIn(port, "tom");
        Page form = tom.get("/cases/" + reference + "/safeguarding-concerns/new");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains(reference).doesNotContain("Sam Testfamily").doesNotContain("disabled=\"disabled\"");

        Page posted = tom.postForm("/cases/" + reference + "/safeguarding-concerns/new", Map.of("category", "RISK_OF_HARM",
                "summary", "A neighbour called about shouting from the house."));

        assertThat(posted.status()).isEqualTo(302);
        assertThat(posted.location()).endsWith("/tasks");
        assertThat(tom.follow(posted).body()).contains("Concern sent to the designated safeguarding lead");
        assertThat(stored(reference)).isOne();
    }

    @Test
    void auditorIsToldToCallTheLeadAndCannotRaiseAConcernHere() {
        String reference = api.referFamily("priya");
        PageSession alex = PageSession.signedIn(port, "alex");

        Page form = alex.get("/cases/" + reference + "/safeguarding-concerns/new");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("call 999").contains("Dev Sharma").contains("Auditors read records and change nothing")
                .contains("fieldset class=\"plain-fieldset\" disabled=\"disabled\"");

        Page refused = alex.postForm("/cases/" + reference + "/safeguarding-concerns/new", Map.of("category", "NEGLECT",
                "summary", "Seen in the file"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("You cannot do this").doesNotContain("Exception");
        assertThat(stored(reference)).isZero();
        assertThat(api.get("priya", "/api/cases/" + reference + "/safeguarding-concerns").body().path("count").asInt()).isZero();
    }
}
