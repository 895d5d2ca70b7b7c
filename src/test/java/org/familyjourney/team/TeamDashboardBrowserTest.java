package org.familyjourney.team;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import java.util.Map;
import org.familyjourney.processes.ProcessCatalog;
import org.familyjourney.security.StaffDirectory;
import org.familyjourney.security.Teams;
import org.familyjourney.support.ApplicationTest;
import org.familyjourney.support.Browser;
import org.familyjourney.support.FamilyWalk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A manager in a real browser: the dashboard with its charts drawn, a stuck step retried with the
 * keyboard, a caseload moved after the confirmation; an auditor sees the same figures without the
 * buttons. Screenshots for the README (docs/screenshots/team-dashboard.png is a copy).
 */
class TeamDashboardBrowserTest extends ApplicationTest {

    @Autowired
    CamundaClient client;

    @Autowired
    ProcessCatalog catalog;

    @Autowired
    StaffDirectory staff;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    Teams teams;

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
    void aManagerSeesTheChartsRetriesAStuckStepAndMovesACaseloadAfterConfirming() {
        String away = TeamFixtures.worker(staff, teams, passwords, "Jo Leaving");
        String colleague = TeamFixtures.worker(staff, teams, passwords, "Sam Staying");
        FamilyWalk family = FamilyWalk.refer(api, away).triageAndAllocate();
        long contact = family.task(away, "Task_MakeFirstContact");
        String stuck = api.referFamily("priya");
        long instance = TeamFixtures.failingAssignment(client, catalog, stuck);
        long incident = TeamFixtures.awaitIncident(api, stuck, "OPEN").path("id").asLong();

        browser.signIn("priya");
        browser.open("/manage/team");
        browser.waitUntil(d -> d.findElement(By.cssSelector("section.team-dashboard")).getDomAttribute("data-charts") != null);
        assertThat(Integer.parseInt(browser.driver().findElement(By.cssSelector("section.team-dashboard")).getDomAttribute("data-charts")))
                .isGreaterThanOrEqualTo(2);
        WebElement row = browser.driver().findElement(By.cssSelector("#table-workers tr[data-worker='" + away + "']"));
        assertThat(row.findElement(By.cssSelector(".open-cases")).getText()).isEqualTo("1");
        WebElement stuckRow = browser.driver().findElement(By.cssSelector("#table-incidents tr[data-incident='" + incident + "']"));
        assertThat(stuckRow.getText()).contains("Assign case to worker").contains(stuck).contains("Waiting for a retry")
                .contains("No worker was allocated to case " + stuck);
        browser.screenshot("team-dashboard");

        client.newSetVariablesCommand(instance).variables(Map.of("allocatedWorker", "tom")).send().join();
        browser.driver().findElement(By.id("retry-" + incident)).sendKeys(Keys.ENTER);
        browser.waitForText(By.cssSelector(".notice.success"), "is running again");
        TeamFixtures.awaitIncident(api, stuck, "RESOLVED");
        browser.open("/manage/team");
        assertThat(browser.text(By.cssSelector("#table-incidents tr[data-incident='" + incident + "']")))
                .contains("Resolved: completed after the retry").contains("by priya");
        assertThat(browser.driver().findElements(By.id("retry-" + incident))).isEmpty();

        new org.openqa.selenium.support.ui.Select(browser.driver().findElement(By.id("from"))).selectByValue(away);
        browser.driver().findElement(By.id("to-" + colleague)).click();
        browser.type(By.id("reason"), "Jo leaves the service on Friday");
        browser.driver().findElement(By.id("check-caseload")).click();
        assertThat(browser.text(By.id("caseload-preview"))).contains("This moves 1 open case and 1 open task from " + away + " to " + colleague);
        browser.screenshot("team-caseload-confirm");
        browser.driver().findElement(By.id("confirm-caseload")).click();
        browser.waitForText(By.cssSelector(".notice.success"), "Moved 1 case and 1 task from " + away + " to " + colleague);
        assertThat(api.get(colleague, "/api/tasks/" + contact).text("assignee")).isEqualTo(colleague);

        browser.close();
        browser = new Browser(port);
        browser.signIn("alex", By.cssSelector("section.audit-search"));
        browser.open("/manage/team");
        browser.waitFor(By.id("table-workers"));
        assertThat(browser.driver().findElements(By.cssSelector("button.retry"))).isEmpty();
        assertThat(browser.driver().findElements(By.id("caseload-form"))).isEmpty();
    }
}
