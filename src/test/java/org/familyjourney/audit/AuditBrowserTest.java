package org.familyjourney.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.familyjourney.support.ApplicationTest;
import org.familyjourney.support.Browser;
import org.familyjourney.support.FamilyWalk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An auditor in a real browser: finds a family, reads the timeline, sees the process diagram with the
 * path taken, filters, downloads; then the funder report with its charts. Screenshots for the README.
 */
class AuditBrowserTest extends ApplicationTest {

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
    void auditorFindsAFamilyReadsItsJourneyOnTheDiagramFiltersAndDownloads() {
        FamilyWalk family = FamilyWalk.refer(api, "maya").triageAndAllocate().firstContact();
        family.session(30).assessAndPlan();
        family.task("maya", "Task_ReviewProgress");
        String reference = family.reference();
        String parent = jdbc.queryForObject("SELECT r.parent_name FROM referral r JOIN family_case c ON c.referral_id = r.id WHERE c.reference = ?",
                String.class, reference);

        browser.signIn("alex", By.cssSelector("section.audit-search"));
        browser.type(By.id("name"), parent);
        browser.driver().findElement(By.id("search")).click();
        browser.waitFor(By.id("audit-results"));
        browser.driver().findElement(By.linkText(reference)).click();
        browser.waitFor(By.id("timeline"));
        browser.waitUntil(d -> d.findElement(By.id("process-diagram")).getDomAttribute("data-marked-done") != null);
        WebElement diagram = browser.driver().findElement(By.id("process-diagram"));
        assertThat(Integer.parseInt(diagram.getDomAttribute("data-marked-done"))).isGreaterThan(5);
        assertThat(diagram.getDomAttribute("data-marked-active")).isEqualTo("1");
        assertThat(browser.driver().findElements(By.cssSelector(".djs-element.path-done"))).hasSizeGreaterThan(5);
        assertThat(browser.driver().findElements(By.cssSelector(".djs-element.path-active[data-element-id='Task_ReviewProgress']"))).hasSize(1);
        assertThat(browser.text(By.cssSelector("#process-diagram .diagram-status"))).contains("Review progress with the family");
        assertThat(browser.text(By.id("compliance"))).contains("Make first contact").contains("Met");
        browser.screenshot("audit-timeline");

        browser.driver().findElement(By.id("group-APPROVALS")).click();
        browser.driver().findElement(By.id("filter")).click();
        browser.waitForText(By.id("timeline-count"), "Showing 1 of");
        List<WebElement> rows = browser.driver().findElements(By.cssSelector("#timeline tbody tr"));
        assertThat(rows).hasSize(1).allMatch(row -> "APPROVALS".equals(row.getDomAttribute("data-group")));
        assertThat(rows.getFirst().getText()).contains("approve by priya");
        browser.screenshot("audit-timeline-approvals");

        String csv = fetch(browser.driver().findElement(By.id("export-csv")).getDomAttribute("href"));
        assertThat(csv).startsWith("entry,time (UK),kind,step,by,what,details").contains("APPROVAL_DECIDED");
        browser.driver().findElement(By.cssSelector("#sar-pdf .export-start")).click();
        browser.waitUntil(d -> "DONE".equals(d.findElement(By.id("sar-pdf")).getDomAttribute("data-state")));
        WebElement download = browser.driver().findElement(By.cssSelector("#sar-pdf .export-download"));
        assertThat(download.isDisplayed()).isTrue();
        assertThat(browser.driver().findElement(By.cssSelector("#sar-pdf progress")).getDomProperty("value")).isEqualTo("100");
        assertThat(fetch(download.getDomAttribute("href"))).startsWith("%PDF");
        browser.screenshot("audit-subject-access-ready");
    }

    @Test
    void funderReportPageDrawsItsCharts() {
        FamilyWalk.refer(api, "maya").triageAndAllocate().firstContact().session(50);
        browser.signIn("alex", By.cssSelector("section.audit-search"));
        browser.open("/reports/funder");
        browser.waitUntil(d -> d.findElement(By.cssSelector("section.funder-report")).getDomAttribute("data-charts") != null);
        assertThat(Integer.parseInt(browser.driver().findElement(By.cssSelector("section.funder-report")).getDomAttribute("data-charts")))
                .isGreaterThanOrEqualTo(3);
        WebElement referrals = browser.driver().findElement(By.id("chart-referrals"));
        assertThat(referrals.getSize().getHeight()).isPositive();
        assertThat(browser.text(By.id("referrals-total"))).contains("referrals received");
        browser.driver().findElement(By.cssSelector("#report-pdf .export-start")).click();
        browser.waitUntil(d -> "DONE".equals(d.findElement(By.id("report-pdf")).getDomAttribute("data-state")));
        browser.screenshot("funder-report");
    }

    /** What the browser gets for a link in the signed-in session (the start of a text, or of a PDF). */
    private String fetch(String href) {
        Object text = ((JavascriptExecutor) browser.driver()).executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0], {credentials: 'same-origin'}).then(r => r.text()).then(t => done(t))"
                        + ".catch(e => done('failed: ' + e));", href);
        return String.valueOf(text);
    }
}
