package org.familyjourney.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.familyjourney.support.ApplicationTest;
import org.familyjourney.support.Browser;
import org.familyjourney.support.CaseWalk;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The case page's "Restricted record" card in a real headless Chromium, worked by keyboard where a
 * person would: a manager restricts the record with a reason and named staff, someone not named is
 * refused the case, a named manager names one more, and the safeguarding lead lifts it with a reason.
 * A reason left out is shown beside its field, with what was chosen kept. Saves
 * target/screenshots/restriction-*.png.
 */
class RestrictedRecordBrowserTest extends ApplicationTest {

    private static final String REASON = "Parent has fled domestic abuse; the new address must not be disclosed";
    private static final By BANNER = By.cssSelector(".restricted-banner");
    private static final By CARD = By.id("restriction");
    private static final By NOTICE = By.cssSelector(".notice.success");

    @Test
    void aManagerRestrictsTheRecordAndSomeoneNotNamedIsRefusedUntilNamed() {
        String reference = CaseWalk.allocatedTo(api, "maya").reference;

        try (Browser priya = new Browser(port)) {
            priya.signIn("priya").open("/cases/" + reference);
            assertThat(priya.text(CARD)).contains("Not restricted");
            assertThat(priya.driver().findElements(BANNER)).isEmpty();

            // Clicking the label puts the cursor in its field; the person's name labels their checkbox.
            priya.driver().findElement(By.cssSelector("label[for=restriction-reason]")).click();
            assertThat(focused(priya).getAttribute("id")).isEqualTo("restriction-reason");
            focused(priya).sendKeys(REASON);
            WebElement alex = checkbox(priya, "alex");
            assertThat(labelOf(priya, alex)).isEqualTo("Alex Moreno (alex)");
            assertThat(priya.text(By.cssSelector("#restriction fieldset legend"))).isEqualTo("Staff to name");
            alex.sendKeys(Keys.SPACE);
            assertThat(alex.isSelected()).isTrue();
            button(priya, "Restrict the record").sendKeys(Keys.ENTER);

            priya.waitForText(NOTICE, "The record is restricted to the people named on it");
            assertThat(priya.driver().getCurrentUrl()).endsWith("/cases/" + reference + "#restriction");
            assertThat(priya.text(BANNER)).contains("Restricted record:").contains("only the people named on it see this case");
            assertThat(named(priya)).containsExactlyInAnyOrder("alex", "maya", "priya");
            assertThat(js(priya).executeScript("return getComputedStyle(document.querySelector('.restriction-named li')).listStyleType"))
                    .as("no bullets: in a row they were drawn over the names").isEqualTo("none");
            assertThat(priya.text(CARD)).contains(REASON).contains("by priya on");
            priya.screenshot("restriction-restricted");

            try (Browser grace = new Browser(port)) {
                grace.signIn("grace").open("/cases/" + reference);
                assertThat(grace.text(By.tagName("h1"))).isEqualTo("Page not found");
                assertThat(grace.text(By.cssSelector(".error-page"))).contains("Error 404")
                        .contains("There is no case " + reference + " that you can see.").contains("Go to your tasks")
                        .doesNotContain("Exception").doesNotContain("at org.").doesNotContain(REASON);
                assertThat(grace.driver().getPageSource()).doesNotContain(REASON).doesNotContain("Restricted record");
                grace.screenshot("restriction-refused");

                // Named by the manager, through the card's "Name more people", opened by keyboard.
                summary(priya, "Name more people").sendKeys(Keys.ENTER);
                button(priya, "Name them").sendKeys(Keys.ENTER);
                WebElement nobody = priya.waitFor(By.id("restriction-people-error"));
                assertThat(nobody.getText()).contains("choose at least one person");
                assertThat(inView(priya, nobody)).as("the answer opens at the card").isTrue();
                assertThat(focused(priya).getAttribute("name")).as("the first checkbox has the focus").isEqualTo("people");
                WebElement graceBox = checkbox(priya, "grace");
                assertThat(labelOf(priya, graceBox)).isEqualTo("Grace Adeyemi (grace)");
                assertThat(priya.driver().findElements(By.cssSelector("#restriction input[name=people][value=alex]")))
                        .as("alex is named already").isEmpty();
                graceBox.sendKeys(Keys.SPACE);
                button(priya, "Name them").sendKeys(Keys.ENTER);

                priya.waitForText(NOTICE, "The people you chose are named on the restricted record");
                assertThat(named(priya)).containsExactlyInAnyOrder("alex", "grace", "maya", "priya");
                grace.open("/cases/" + reference);
                assertThat(grace.text(BANNER)).contains("Restricted record:");
                assertThat(grace.text(CARD)).contains(REASON);
            }
        }
        try (Browser maya = new Browser(port)) {
            maya.signIn("maya").open("/cases/" + reference);
            assertThat(maya.text(BANNER)).contains("Restricted record:");
            assertThat(maya.text(CARD)).doesNotContain("Name more people").doesNotContain("Lift the restriction");
        }
    }

    @Test
    void aReasonLeftOutIsShownBesideItsFieldAndWhatWasChosenIsKept() {
        String reference = CaseWalk.allocatedTo(api, "maya").reference;

        try (Browser priya = new Browser(port)) {
            priya.signIn("priya").open("/cases/" + reference);
            checkbox(priya, "alex").sendKeys(Keys.SPACE);
            checkbox(priya, "dev").sendKeys(Keys.SPACE);
            button(priya, "Restrict the record").sendKeys(Keys.ENTER);

            WebElement error = priya.waitFor(By.id("restriction-reason-error"));
            assertThat(error.getText()).contains("is required: say why the record is restricted");
            WebElement reason = priya.driver().findElement(By.id("restriction-reason"));
            assertThat(reason.getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(reason.getAttribute("aria-describedby")).isEqualTo("restriction-reason-error");
            assertThat(isBeside(priya, error, reason)).as("the error sits in the reason's field, just before it").isTrue();
            assertThat(inView(priya, error)).as("the answer opens at the card, not the top of the page").isTrue();
            assertThat(focused(priya).getAttribute("id")).as("the reason has the focus").isEqualTo("restriction-reason");
            assertThat(checkbox(priya, "alex").isSelected()).as("alex still chosen").isTrue();
            assertThat(checkbox(priya, "dev").isSelected()).as("dev still chosen").isTrue();
            assertThat(priya.driver().findElements(BANNER)).as("nothing was stored").isEmpty();
            priya.screenshot("restriction-reason-missing");

            focused(priya).sendKeys(REASON);
            button(priya, "Restrict the record").sendKeys(Keys.ENTER);
            priya.waitForText(NOTICE, "The record is restricted");
            assertThat(named(priya)).containsExactlyInAnyOrder("alex", "dev", "maya", "priya");
        }
    }

    @Test
    void theSafeguardingLeadLiftsTheRestrictionWithAReason() {
        String reference = CaseWalk.allocatedTo(api, "maya").reference;
        var restricted = api.post("priya", "/api/cases/" + reference + "/restriction", Map.of("reason", REASON, "people", List.of("dev")));
        assertThat(restricted.status()).as(restricted.raw()).isEqualTo(200);

        try (Browser dev = new Browser(port)) {
            dev.signIn("dev").open("/cases/" + reference);
            assertThat(dev.text(BANNER)).contains("Restricted record:");
            summary(dev, "Lift the restriction").sendKeys(Keys.ENTER);
            dev.driver().findElement(By.cssSelector("label[for=lift-reason]")).click();
            assertThat(focused(dev).getAttribute("id")).isEqualTo("lift-reason");
            button(dev, "Lift the restriction").sendKeys(Keys.ENTER);

            WebElement error = dev.waitFor(By.id("lift-reason-error"));
            assertThat(error.getText()).contains("is required: say why the restriction is lifted");
            WebElement reason = dev.driver().findElement(By.id("lift-reason"));
            assertThat(reason.isDisplayed()).as("the lift form is open again at its error").isTrue();
            assertThat(reason.getAttribute("aria-describedby")).isEqualTo("lift-reason-error");
            assertThat(inView(dev, error)).as("the answer opens at the card").isTrue();
            assertThat(focused(dev).getAttribute("id")).isEqualTo("lift-reason");
            assertThat(dev.text(BANNER)).as("still restricted").contains("Restricted record:");
            dev.screenshot("restriction-lift-reason-missing");

            focused(dev).sendKeys("Family rehoused; the risk has passed");
            button(dev, "Lift the restriction").sendKeys(Keys.ENTER);

            // The case has no safeguarding concern: without the restriction it is not the lead's to read.
            dev.waitForText(NOTICE, "The restriction on case " + reference + " is lifted");
            assertThat(dev.driver().getCurrentUrl()).endsWith("/tasks");
        }
        try (Browser grace = new Browser(port)) {
            grace.signIn("grace").open("/cases/" + reference);
            assertThat(grace.text(CARD)).contains("Not restricted");
            assertThat(grace.driver().findElements(BANNER)).isEmpty();
        }
    }

    private static WebElement checkbox(Browser browser, String username) {
        return browser.waitFor(By.cssSelector("#restriction input[type=checkbox][name=people][value='" + username + "']"));
    }

    /** A folded part of the card; Enter on its summary opens it, as for a keyboard user. */
    private static WebElement summary(Browser browser, String text) {
        return browser.waitFor(By.xpath("//*[@id='restriction']//summary[normalize-space()='" + text + "']"));
    }

    private static WebElement button(Browser browser, String text) {
        return browser.waitFor(By.xpath("//*[@id='restriction']//button[normalize-space()='" + text + "']"));
    }

    private static WebElement focused(Browser browser) {
        return browser.driver().switchTo().activeElement();
    }

    /** The text of the label the browser associates with the field (for= or wrapping), as a screen reader reads it. */
    private static String labelOf(Browser browser, WebElement field) {
        return (String) js(browser).executeScript(
                "return arguments[0].labels.length ? arguments[0].labels[0].textContent.trim().replace(/\\s+/g, ' ') : null", field);
    }

    private static boolean isBeside(Browser browser, WebElement error, WebElement field) {
        return (Boolean) js(browser).executeScript(
                "return arguments[0].parentElement === arguments[1].parentElement"
                        + " && arguments[0].closest('.field').classList.contains('has-error')", error, field);
    }

    private static boolean inView(Browser browser, WebElement element) {
        return (Boolean) js(browser).executeScript(
                "var r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight", element);
    }

    private static List<String> named(Browser browser) {
        return browser.waitFor(By.cssSelector(".restriction-named")).findElements(By.tagName("li")).stream()
                .map(WebElement::getText).toList();
    }

    private static JavascriptExecutor js(Browser browser) {
        return (JavascriptExecutor) browser.driver();
    }
}
