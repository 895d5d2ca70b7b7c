package org.familyjourney.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.familyjourney.support.ApplicationTest;
import org.familyjourney.support.PageSession;
import org.familyjourney.support.PageSession.Page;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Logging a 1:1 session from the case page: the API's checks, problems beside the fields, only workers and managers. */
class SessionPageTest extends ApplicationTest {

    @Autowired
    JdbcTemplate jdbc;

    private LocalDate today() {
        return LocalDate.ofInstant(Instant.parse(api.get("admin", "/api/engine/clock").text("now")), ZoneId.of("Europe/London"));
    }

    private int stored(String reference) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM support_session WHERE case_reference = ?", Integer.class, reference);
    }

    @Test
    void managerLogsASessionAndSeesItListedOnTheCasePage() {
        String reference = api.referFamily("priya");
        PageSession priya = PageSession.signedIn(port, "priya");
        Page form = priya.get("/cases/" + reference + "/sessions/new");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("Log a 1:1 session").contains("value=\"" + today() + "\"").doesNotContain("disabled=\"disabled\"");

        Page posted = priya.postForm("/cases/" + reference + "/sessions/new", Map.of("date", today().toString(),
                "kind", "HOME_VISIT", "durationMinutes", "50", "notes", "Talked through the morning routine"));

        assertThat(posted.status()).isEqualTo(302);
        assertThat(posted.location()).endsWith("/cases/" + reference);
        String page = priya.follow(posted).body();
        assertThat(page).contains("Session logged").contains("1 session, 50 minutes in all").contains("Home visit")
                .contains("Talked through the morning routine");
        assertThat(api.get("priya", "/api/cases/" + reference + "/sessions").body().path("count").asInt()).isOne();
    }

    @Test
    void futureDateAndBadDurationAreShownBesideTheFieldsWithTheValuesKeptAndNothingStored() {
        String reference = api.referFamily("priya");
        PageSession priya = PageSession.signedIn(port, "priya");
        priya.get("/cases/" + reference + "/sessions/new");
        String tomorrow = today().plusDays(1).toString();

        Page refused = priya.postForm("/cases/" + reference + "/sessions/new", Map.of("date", tomorrow,
                "kind", "PHONE", "durationMinutes", "ninety", "notes", "Long call about the school"));

        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("There is a problem")
                .contains("Date of the session cannot be in the future").contains("href=\"#date\"")
                .contains("How long, in minutes must be a whole number of minutes").contains("href=\"#durationMinutes\"")
                .contains("value=\"" + tomorrow + "\"").contains("value=\"ninety\"").contains("Long call about the school")
                .contains("<option value=\"PHONE\" selected=\"selected\">").contains("aria-invalid=\"true\"");
        assertThat(stored(reference)).isZero();

        Page tooLong = priya.postForm("/cases/" + reference + "/sessions/new", Map.of("date", today().toString(),
                "kind", "PHONE", "durationMinutes", "601"));
        assertThat(tooLong.body()).contains("must be between 1 and 600 minutes");
        assertThat(stored(reference)).isZero();
    }

    @Test
    void auditorSeesTheFormDisabledWithTheReasonAndAPostIsRefused() {
        String reference = api.referFamily("priya");
        PageSession alex = PageSession.signedIn(port, "alex");

        Page form = alex.get("/cases/" + reference + "/sessions/new");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("Only family support workers and team managers log 1:1 sessions")
                .contains("fieldset class=\"plain-fieldset\" disabled=\"disabled\"");

        Page refused = alex.postForm("/cases/" + reference + "/sessions/new", Map.of("date", today().toString(),
                "kind", "PHONE", "durationMinutes", "20"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("You cannot do this").doesNotContain("Exception");
        assertThat(stored(reference)).isZero();
    }
}
