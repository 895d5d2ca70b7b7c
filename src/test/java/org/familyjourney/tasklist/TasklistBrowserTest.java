package org.familyjourney.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.familyjourney.support.ApplicationTest;
import org.familyjourney.support.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The tasklist in a real headless Chromium against the whole app (embedded engine and MariaDB):
 * form-js renders the Camunda forms, the server checks the answers, drafts survive a reload, and of
 * two people completing one task exactly one wins. Each scenario saves screenshots under
 * target/screenshots.
 */
class TasklistBrowserTest extends ApplicationTest {

    @Autowired
    JdbcTemplate jdbc;

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
    void managerSignsInClaimsTheTriageFillsTheFormAndLandsOnTheNextTask() {
        String reference = api.referFamily("priya");
        long triage = api.awaitTask("priya", reference, "Task_TriageReferral");

        browser.signIn("priya").open("/tasks?tray=UNASSIGNED&case=" + reference);
        browser.waitFor(By.linkText("Triage referral"));
        browser.screenshot("tasks-unassigned");
        browser.driver().findElement(By.linkText("Triage referral")).click();

        browser.waitFor(By.id("claim")).click();
        browser.waitForText(By.cssSelector(".notice.success"), "You have claimed this task");
        chooseRadio("Accept for family support");
        textarea("Field_triageReason").sendKeys("Attendance support fits our offer.");
        browser.screenshot("task-triage-form");
        browser.driver().findElement(By.id("submit-task")).click();

        long allocation = api.awaitTask("priya", reference, "Task_AllocateWorker");
        browser.waitForText(By.tagName("h1"), "Allocate worker");
        assertThat(browser.driver().getCurrentUrl()).endsWith("/tasks/" + allocation);
        assertThat(browser.text(By.cssSelector(".notice.success"))).contains("Triage referral is complete").contains("Allocate worker");
        assertThat(api.get("priya", "/api/tasks/" + triage).text("state")).isEqualTo("COMPLETED");
    }

    @Test
    void managerAllocatesWithTheSelectAndTheWorkerSeesTheTaskArriveAndCompletesIt() {
        String reference = api.referFamily("priya");
        long triage = api.awaitTask("grace", reference, "Task_TriageReferral");
        api.completeTask("grace", triage, Map.of("triageDecision", "ACCEPT", "triageReason", "Fits"));
        long allocation = api.awaitTask("grace", reference, "Task_AllocateWorker");

        try (Browser worker = new Browser(port)) {
            worker.signIn("maya").open("/tasks?tray=MINE");
            worker.waitUntil(d -> "connected".equals(d.findElement(By.cssSelector("section.tasklist")).getDomAttribute("data-live")));

            browser.signIn("grace").open("/tasks/" + allocation);
            chooseOption(browser, "Field_allocatedWorker", "Maya Okafor");
            textarea("Field_allocationNote").sendKeys("School meeting next week.");
            browser.screenshot("task-allocate-select");
            browser.driver().findElement(By.id("submit-task")).click();
            browser.waitForText(By.cssSelector(".notice.success"), "Make first contact");
            assertThat(browser.text(By.cssSelector(".notice.success"))).contains("is with maya");

            // The worker's list refreshes by itself (server-sent event), no reload.
            worker.waitFor(By.xpath("//tr[.//a[text()='" + reference + "']]//a[text()='Make first contact']"));
            worker.screenshot("tasks-mine-live");
            worker.driver().findElement(By.xpath("//tr[.//a[text()='" + reference + "']]//a[text()='Make first contact']")).click();
            worker.waitFor(By.xpath("//label[contains(., 'Yes, we spoke and the family agreed to support')]")).click();
            // Dates in UK order even in this en-US browser: the picker asks for dd/mm/yyyy and reads 01/12/2026 as 1 December.
            WebElement date = worker.waitFor(By.cssSelector("input[id$='Field_firstContactDate-date']"));
            assertThat(date.getDomAttribute("placeholder")).isEqualTo("dd/mm/yyyy");
            worker.type(By.cssSelector("input[id$='Field_firstContactDate-date']"), "01/12/2026");
            worker.driver().findElement(By.tagName("h1")).click(); // close the date picker
            assertThat(date.getDomProperty("value")).isEqualTo("01/12/2026");
            chooseOption(worker, "Field_firstContactMethod", "Phone call");
            worker.waitFor(By.cssSelector("textarea[id$='Field_firstContactNotes']")).sendKeys("Spoke with the parent; home visit agreed.");
            worker.driver().findElement(By.id("submit-task")).click();
            worker.waitForText(By.cssSelector(".notice.success"), "Make first contact is complete");
            assertThat(worker.driver().getCurrentUrl()).contains("/tasks");
            worker.screenshot("tasks-after-complete");

            // The server got the ISO date, and the done task shows it back in UK order.
            Map<String, Object> done = jdbc.queryForMap("SELECT id, outcome FROM user_task WHERE case_reference = ? AND element_id = ?",
                    reference, "Task_MakeFirstContact");
            assertThat(done.get("outcome").toString()).contains("\"firstContactDate\":\"2026-12-01\"");
            worker.open("/tasks/" + done.get("id"));
            worker.waitUntil(d -> "01/12/2026".equals(d.findElement(By.cssSelector("input[id$='Field_firstContactDate-date']"))
                    .getDomProperty("value")));
        }
    }

    @Test
    void missingRequiredAnswerIsShownBesideTheFieldAndTheEnteredValuesStay() {
        String reference = api.referFamily("priya");
        long triage = api.awaitTask("priya", reference, "Task_TriageReferral");

        browser.signIn("priya").open("/tasks/" + triage);
        textarea("Field_triageReason").sendKeys("Needs a closer look first.");
        browser.driver().findElement(By.id("submit-task")).click();

        browser.waitForText(By.id("error-summary"), "Decision is required");
        assertThat(browser.driver().findElements(By.cssSelector(".fjs-form-field-error")).stream().map(WebElement::getText))
                .anyMatch(text -> text.contains("is required"));
        assertThat(textarea("Field_triageReason").getDomProperty("value")).isEqualTo("Needs a closer look first.");
        browser.screenshot("task-error");
        browser.driver().findElement(By.cssSelector("#error-summary a")).click();
        assertThat(browser.driver().switchTo().activeElement().getDomAttribute("id")).contains("Field_triageDecision");
        assertThat(api.get("priya", "/api/tasks/" + triage).text("state")).isEqualTo("OPEN");
    }

    @Test
    void draftSurvivesAReload() {
        String reference = api.referFamily("priya");
        long triage = api.awaitTask("priya", reference, "Task_TriageReferral");

        browser.signIn("priya").open("/tasks/" + triage);
        chooseRadio("Decline (a letter goes to the referrer)");
        textarea("Field_triageReason").sendKeys("Out of our area; signpost to the county team.");
        browser.waitForText(By.id("form-status"), "Draft saved at");

        browser.driver().navigate().refresh();
        browser.waitForText(By.id("form-status"), "Your draft from");
        assertThat(textarea("Field_triageReason").getDomProperty("value")).isEqualTo("Out of our area; signpost to the county team.");
        assertThat(browser.driver().findElements(By.cssSelector("input[type=radio]")).stream().filter(WebElement::isSelected)).hasSize(1);
        browser.screenshot("task-draft-restored");
    }

    @Test
    void ofTwoPeopleCompletingOneTaskTheSecondIsToldWhoWonAndWhat() {
        String reference = api.referFamily("priya");
        long triage = api.awaitTask("priya", reference, "Task_TriageReferral");

        try (Browser other = new Browser(port)) {
            browser.signIn("priya").open("/tasks/" + triage);
            other.signIn("grace").open("/tasks/" + triage);
            chooseRadio("Accept for family support");
            textarea("Field_triageReason").sendKeys("Priya accepts.");
            other.waitFor(By.xpath("//label[contains(., 'Decline (a letter goes to the referrer)')]")).click();
            other.waitFor(By.cssSelector("textarea[id$='Field_triageReason']")).sendKeys("Grace declines.");
            other.waitForText(By.id("form-status"), "Draft saved at");

            browser.driver().findElement(By.id("submit-task")).click();
            browser.waitForText(By.cssSelector(".notice.success"), "Triage referral is complete");
            other.driver().findElement(By.id("submit-task")).click();

            other.waitForText(By.id("conflict"), "already completed by priya");
            assertThat(other.text(By.id("conflict"))).contains("Accept for family support").contains("Priya accepts.");
            other.screenshot("task-conflict");
        }
        assertThat(api.get("priya", "/api/tasks/" + triage).body().path("completedBy").asText()).isEqualTo("priya");
    }

    /** form-js draws a select as its own drop-down list: open it, then pick the option by its label. */
    private static void chooseOption(Browser in, String componentId, String label) {
        in.waitFor(By.xpath("//input[substring(@id, string-length(@id) - " + (componentId.length() - 1) + ") = '" + componentId
                + "']/ancestor::div[contains(@class,'fjs-input-group')]")).click();
        in.waitFor(By.xpath("//*[contains(@class,'fjs-dropdownlist-item')][contains(.,'" + label + "')]")).click();
    }

    private void chooseRadio(String label) {
        browser.waitFor(By.xpath("//label[contains(., '" + label + "')]")).click();
    }

    private WebElement textarea(String componentId) {
        return browser.waitFor(By.cssSelector("textarea[id$='" + componentId + "']"));
    }
}
