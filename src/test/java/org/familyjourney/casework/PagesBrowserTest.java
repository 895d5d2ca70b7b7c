package org.familyjourney.casework;

import static org.assertj.core.api.Assertions.assertThat;

import org.familyjourney.support.ApplicationTest;
import org.familyjourney.support.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

/** The other pages in a real browser: sign-in, case page, referral forms and errors, a phone-sized list. */
class PagesBrowserTest extends ApplicationTest {

    private Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = new Browser(port);
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void signInPageAndCasePage() {
        browser.open("/login");
        assertThat(browser.text(By.cssSelector(".demo"))).contains("Maya Okafor");
        browser.screenshot("sign-in");
        String reference = api.referFamily("priya");
        api.awaitTask("priya", reference, "Task_TriageReferral");
        browser.signIn("priya").open("/cases/" + reference);
        assertThat(browser.text(By.tagName("h1"))).contains(reference);
        assertThat(browser.driver().findElement(By.linkText("Raise a safeguarding concern")).isDisplayed()).isTrue();
        browser.screenshot("case");
    }

    @Test
    void staffReferralWithMistakesShowsThemAndKeepsTheValues() {
        browser.signIn("maya").open("/referrals/new");
        browser.type(By.id("referrer-name"), "Ms Ada Fenwick");
        browser.type(By.id("parent-name"), "Jo Browserform");
        browser.type(By.id("parent-postcode"), "NOT A CODE");
        browser.driver().findElement(By.cssSelector("form.long-form button[type=submit]")).click();
        browser.waitFor(By.id("error-summary"));
        assertThat(browser.text(By.id("error-summary"))).contains("Kind of referrer").contains("Postcode");
        assertThat(browser.driver().findElement(By.id("parent-name")).getDomProperty("value")).isEqualTo("Jo Browserform");
        browser.screenshot("referral-errors");
        browser.driver().findElement(By.cssSelector("#error-summary a[href='#parent-postcode']")).click();
        assertThat(browser.driver().switchTo().activeElement().getDomAttribute("id")).isEqualTo("parent-postcode");
    }

    @Test
    void partnerReferralThanksAndErrorPageAndPhoneSizedList() {
        browser.open("/partner/referral");
        browser.screenshot("partner-referral");
        browser.signIn("grace").open("/no-such-page");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Page not found");
        browser.screenshot("error-404");
        browser.driver().manage().window().setSize(new Dimension(390, 844));
        browser.open("/tasks?tray=TEAM");
        browser.screenshot("tasks-phone");
    }
}
