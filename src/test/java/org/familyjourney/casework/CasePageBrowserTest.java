package org.familyjourney.casework;

import static org.assertj.core.api.Assertions.assertThat;

import org.familyjourney.support.ApplicationTest;
import org.familyjourney.support.Browser;
import org.familyjourney.support.CaseWalk;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * The case page in a real headless Chromium: a worker logs a 1:1 session and raises a safeguarding
 * concern from the buttons at the top, and sees both on the page. Saves target/screenshots/case-full.png
 * (the README's case page picture, docs/screenshots/case.png, is a copy of it).
 */
class CasePageBrowserTest extends ApplicationTest {

    @Test
    void workerLogsASessionAndRaisesAConcernFromTheCasePageAndSeesBothListed() {
        CaseWalk walk = CaseWalk.allocatedTo(api, "maya").firstContactAndAssessment(CaseWalk.ASSESSMENT)
                .planApproved(CaseWalk.GOAL).referralAcceptedAndMeetingHeld()
                .review(CaseWalk.review("CONTINUE", "Attendance up to 92% this half term"));

        try (Browser browser = new Browser(port)) {
            browser.signIn("maya").open("/cases/" + walk.reference);
            assertThat(browser.text(By.id("nav-my-tasks"))).startsWith("My tasks");

            browser.waitFor(By.linkText("Log a 1:1 session")).click();
            browser.waitForText(By.tagName("h1"), "Log a 1:1 session");
            new Select(browser.waitFor(By.id("kind"))).selectByVisibleText("Home visit");
            browser.type(By.id("durationMinutes"), "45");
            browser.type(By.id("notes"), "Walked Kit to school with Sam; the new morning routine is working.");
            browser.driver().findElement(By.id("save-session")).click();

            browser.waitForText(By.cssSelector(".notice.success"), "Session logged");
            assertThat(browser.driver().getCurrentUrl()).endsWith("/cases/" + walk.reference);
            assertThat(browser.text(By.id("sessions"))).contains("1 session, 45 minutes in all").contains("Home visit")
                    .contains("the new morning routine is working");

            browser.driver().findElement(By.linkText("Raise a safeguarding concern")).click();
            assertThat(browser.text(By.id("concern-danger"))).contains("call 999").contains("Dev Sharma");
            new Select(browser.waitFor(By.id("category"))).selectByVisibleText("Neglect");
            browser.type(By.id("summary"), "Kit said there was no food at home over the weekend.");
            browser.driver().findElement(By.id("send-concern")).click();

            browser.waitForText(By.cssSelector(".notice.success"), "Concern sent to the designated safeguarding lead");
            assertThat(browser.text(By.id("concerns"))).contains("Neglect").contains("With the DSL")
                    .contains("no food at home over the weekend");
            assertThat(browser.text(By.id("plan"))).contains("Kit attends school every day").contains("Approved by priya");
            assertThat(browser.text(By.id("meetings"))).contains(walk.school).contains("Held");
            assertThat(browser.text(By.id("signposting"))).contains("Northside Counselling").contains("Accepted");
            browser.screenshot("case-full");
        }
    }
}
