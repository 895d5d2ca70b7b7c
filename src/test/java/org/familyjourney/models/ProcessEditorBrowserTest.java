package org.familyjourney.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.familyjourney.processes.ProcessCatalog;
import org.familyjourney.support.ApplicationTest;
import org.familyjourney.support.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * A manager in a real browser changes the journey: renames a step in the Camunda modeler's properties
 * panel, deploys it with a comment and sees the new version; a new referral then follows the new
 * version while an older case stays on its own. The change is only a name, and the test ends by
 * deploying the packaged diagram again, so the shared context's other tests see the usual journey.
 */
class ProcessEditorBrowserTest extends ApplicationTest {

    private static final String JOURNEY = "family-journey";
    private static final String TRIAGE = "Task_TriageReferral";
    private static final String NEW_NAME = "Triage the new referral";

    private Browser browser;

    @BeforeEach
    void openBrowser() {
        Packaged.putInService(api, JOURNEY);
        browser = new Browser(port);
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
        Packaged.putInService(api, JOURNEY);
    }

    @Test
    void managerRenamesAStepDeploysItAndNewReferralsFollowTheNewVersion() {
        String older = api.referFamily("maya");
        api.awaitTask("priya", older, TRIAGE);
        int n = versions().get(0).path("version").asInt();

        browser.signIn("priya");
        browser.open("/manage/processes");
        browser.waitFor(By.cssSelector("#processes-family-journey a.edit-model")).click();
        browser.waitFor(By.cssSelector("#process-editor.ready"));
        select(TRIAGE);
        checkMarksAStepWithNobodyToDoIt();
        browser.type(By.id("bio-properties-panel-name"), NEW_NAME);
        browser.waitUntil(d -> d.findElement(By.cssSelector(".djs-element[data-element-id='" + TRIAGE + "']"))
                .getDomProperty("textContent").contains("Triage the new"));
        browser.type(By.cssSelector(".deploy-comment"), "Clearer name for triage");
        browser.driver().findElement(By.cssSelector("button.deploy")).click();
        browser.waitForText(By.cssSelector(".editor-status"), "Version " + (n + 1) + " deployed");
        browser.screenshot("process-editor");

        String newer = api.referFamily("maya");
        api.awaitTask("priya", newer, TRIAGE);
        assertThat(taskName(newer)).isEqualTo(NEW_NAME);
        assertThat(taskName(older)).isEqualTo("Triage referral");

        browser.driver().findElement(By.cssSelector(".editor-status a.to-list")).click();
        By newest = By.cssSelector("#processes-family-journey tr[data-version='" + (n + 1) + "']");
        assertThat(browser.text(newest)).contains("priya", "Clearer name for triage", "in service");
        assertThat(browser.text(By.cssSelector("#processes-family-journey tr[data-version='" + (n + 1) + "'] .case-count")))
                .isNotEqualTo("0");
        assertThat(caseLinks(n + 1)).contains(newer).doesNotContain(older);
        assertThat(caseLinks(n)).contains(older).doesNotContain(newer);
        browser.open("/manage/processes");
        browser.waitFor(By.id("processes-family-journey"));
        browser.screenshot("processes");

        browser.driver().findElement(By.cssSelector("#processes-family-journey tr[data-version='" + n + "'] form.roll-back button")).click();
        browser.waitForText(By.cssSelector("#processes-family-journey tr[data-version='" + (n + 2) + "']"), "Rolled back to version " + n);
        assertThat(versions().get(0).path("sha256").asText()).isEqualTo(ProcessCatalog.sha256(Packaged.process(JOURNEY)));
    }

    @Test
    void managerOpensAFormInTheFormEditorChecksAndSavesADraft() {
        browser.signIn("priya");
        browser.open("/manage/processes");
        browser.waitFor(By.cssSelector("#forms-triage-referral a.edit-model")).click();
        browser.waitFor(By.cssSelector("#form-editor.ready"));
        assertThat(browser.driver().findElements(By.cssSelector("#form-editor-canvas .fjs-editor-container"))).isNotEmpty();
        browser.driver().findElement(By.cssSelector("button.check")).click();
        browser.waitForText(By.cssSelector(".editor-status"), "no problem");
        browser.driver().findElement(By.cssSelector("button.save-draft")).click();
        browser.waitForText(By.cssSelector(".editor-status"), "Draft saved");
        browser.screenshot("form-editor");
        browser.open("/manage/forms/triage-referral/edit");
        browser.waitFor(By.cssSelector("#form-editor.ready"));
        assertThat(browser.text(By.cssSelector(".draft-notice"))).contains("Your draft saved");
    }

    /**
     * Clears the triage step's candidate groups in the properties panel: the check finds nobody to do
     * it and marks the step on the diagram; putting "managers" back clears the mark.
     */
    private void checkMarksAStepWithNobodyToDoIt() {
        browser.driver().findElement(By.cssSelector("[data-group-id='group-assignmentDefinition'] .bio-properties-panel-group-header")).click();
        WebElement groups = browser.waitFor(By.id("bio-properties-panel-assignmentDefinitionCandidateGroups"));
        groups.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        By marked = By.cssSelector(".djs-element.check-problem[data-element-id='" + TRIAGE + "']");
        // The panel hands edits to the diagram after a short pause: check until the check sees the edit.
        browser.waitUntil(d -> {
            d.findElement(By.cssSelector("button.check")).click();
            return !d.findElements(marked).isEmpty();
        });
        assertThat(browser.text(By.cssSelector(".check-problems li[data-rule='assignment']"))).contains("Triage referral", "nobody");
        assertThat(browser.driver().findElements(By.cssSelector(".check-badge"))).hasSize(1);
        browser.screenshot("process-editor-check");
        groups.sendKeys("managers");
        browser.waitUntil(d -> {
            d.findElement(By.cssSelector("button.check")).click();
            return d.findElements(marked).isEmpty() && d.findElement(By.cssSelector(".editor-status")).getText().contains("no problem");
        });
    }

    /** Clicks the step on the canvas, as a person does, so the properties panel shows it. */
    private void select(String elementId) {
        WebElement task = browser.waitFor(By.cssSelector(".djs-element[data-element-id='" + elementId + "'] .djs-hit"));
        new Actions(browser.driver()).moveToElement(task).click().perform();
        browser.waitFor(By.cssSelector(".bio-properties-panel-header-label"));
        if (browser.driver().findElements(By.id("bio-properties-panel-name")).stream().noneMatch(WebElement::isDisplayed)) {
            browser.driver().findElement(By.cssSelector("[data-group-id='group-general'] .bio-properties-panel-group-header")).click();
        }
        try {
            browser.waitFor(By.id("bio-properties-panel-name"));
        } catch (org.openqa.selenium.TimeoutException e) {
            Object panel = ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                    "var p = document.getElementById('modeler-properties'); return (p ? p.innerHTML : 'no panel').substring(0, 3000)"
                            + " + ' | selected: ' + document.querySelectorAll('.djs-element.selected').length"
                            + " + ' | status: ' + document.querySelector('.editor-status').textContent");
            browser.screenshot("process-editor-failure");
            throw new AssertionError("The properties panel did not show the step: " + panel, e);
        }
    }

    private String caseLinks(int version) {
        return String.join(" ", browser.driver()
                .findElements(By.cssSelector("#processes-family-journey tr[data-version='" + version + "'] .cases a"))
                .stream().map(a -> a.getDomProperty("textContent")).toList());
    }

    private String taskName(String reference) {
        for (JsonNode task : api.get("priya", "/api/tasks?case=" + reference).body()) {
            if (TRIAGE.equals(task.path("elementId").asText())) {
                return task.path("name").asText();
            }
        }
        throw new AssertionError("No triage task on " + reference);
    }

    private JsonNode versions() {
        return api.get("priya", "/api/processes/" + JOURNEY + "/versions").body();
    }

}
