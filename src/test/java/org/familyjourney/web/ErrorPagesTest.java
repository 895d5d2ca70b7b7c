package org.familyjourney.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.familyjourney.support.ApplicationTest;
import org.familyjourney.support.PageSession;
import org.familyjourney.support.PageSession.Page;
import org.familyjourney.support.TestApi.Response;
import org.junit.jupiter.api.Test;

/** People get a friendly page, API callers get problem+json; nobody ever sees a stack trace. */
class ErrorPagesTest extends ApplicationTest {

    @Test
    void unknownApiAddressIsProblemJson() {
        Response response = api.get("priya", "/api/no-such-thing");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.http().headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(response.text("detail")).contains("nothing at this address");
    }

    @Test
    void wrongMethodOnTheApiIsProblemJson() {
        Response response = api.get("priya", "/api/referrals");
        assertThat(response.status()).isEqualTo(405);
        assertThat(response.text("detail")).isNotBlank();
    }

    @Test
    void unknownPageIsAFriendlyPage() {
        Page page = PageSession.signedIn(port, "maya").get("/no-such-page");
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.body()).contains("Page not found").contains("Go to your tasks").doesNotContain("Exception").doesNotContain("at org.");
    }

    @Test
    void askingAPageEndpointForHtmlItCannotGiveIsNotAServerError() {
        PageSession maya = PageSession.signedIn(port, "maya");
        assertThat(maya.get("/tasks/1/form").status()).isBetween(400, 499);
    }
}
