package org.familyjourney.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.familyjourney.database.EmbeddedDatabase;
import org.familyjourney.journey.JourneyChainCheck;
import org.familyjourney.processes.ProcessCatalog;
import org.familyjourney.support.ApplicationTest;
import org.familyjourney.support.FamilyWalk;
import org.familyjourney.support.PageSession;
import org.familyjourney.support.PageSession.Page;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;

/** The auditors' pages over real HTTP: search, the case timeline, deadlines, the diagram's data and the log check. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditPagesTest extends ApplicationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EmbeddedDatabase database;

    @Autowired
    JourneyChainCheck chain;

    @Value("${spring.flyway.user}")
    String owner;

    @Value("${spring.flyway.password}")
    String ownerPassword;

    private String reference;
    private String parent;

    @BeforeAll
    void aFamilyFirstContacted() {
        FamilyWalk family = FamilyWalk.refer(api, "maya").triageAndAllocate().firstContact();
        family.task("maya", "Task_AssessFamily");
        reference = family.reference();
        parent = jdbc.queryForObject("SELECT r.parent_name FROM referral r JOIN family_case c ON c.referral_id = r.id WHERE c.reference = ?",
                String.class, reference);
    }

    @Test
    void searchByFamilyNameListsTheCaseAndLogsTheResult() {
        Page found = PageSession.signedIn(port, "alex").get("/audit?name=" + parent.replace(" ", "+"));
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.body()).contains(reference).contains(parent).contains("href=\"/audit/cases/" + reference + "\"");
        assertThat(views(reference, "search result")).isPositive();
    }

    @Test
    void anEmptySearchListsNobody() {
        Page empty = PageSession.signedIn(port, "alex").get("/audit");
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.body()).doesNotContain("id=\"audit-results\"").contains("Search to list cases");
    }

    @Test
    void aBadDateInTheSearchIsNamedBesideItsField() {
        Page bad = PageSession.signedIn(port, "alex").get("/audit?openedFrom=31-12-2026");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("There is a problem").contains("Opened from is not a date like 2026-12-01");
    }

    @Test
    void timelineShowsEachEntryWithWhoAndUkTimeAndTheLooksAtTheRecord() {
        Page timeline = PageSession.signedIn(port, "alex").get("/audit/cases/" + reference);
        assertThat(timeline.status()).isEqualTo(200);
        assertThat(timeline.body()).contains("Journey of " + reference)
                .contains("Triage referral").contains("Task &#39;Triage referral&#39; completed by priya")
                .contains("data-kind=\"VIEWED\"").contains("Viewed: audit timeline")
                .contains("Time (UK)").contains("priya").contains("maya");
        assertThat(views(reference, "audit timeline")).isPositive();
    }

    @Test
    void filteringByGroupShowsOnlyThatGroup() {
        Page deadlines = PageSession.signedIn(port, "alex").get("/audit/cases/" + reference + "?group=DEADLINES");
        assertThat(rows(deadlines.body())).isNotEmpty().allMatch(group -> group.equals("DEADLINES"));
        Page access = PageSession.signedIn(port, "alex").get("/audit/cases/" + reference + "?group=ACCESS&group=APPROVALS");
        assertThat(rows(access.body())).isNotEmpty().allMatch(group -> group.equals("ACCESS") || group.equals("APPROVALS"));
    }

    @Test
    void deadlineComplianceSaysForEachStepWhenItWasDueAndDone() {
        Page timeline = PageSession.signedIn(port, "priya").get("/audit/cases/" + reference);
        String compliance = timeline.body().substring(timeline.body().indexOf("id=\"compliance\""));
        assertThat(compliance).contains("Triage referral").contains("Allocate worker").contains("Make first contact")
                .contains("Assess family needs").contains("Met").contains("Open, not due yet").contains("by maya");
    }

    @Test
    void diagramDataMarksThePassedAndTheOpenSteps() {
        PageSession page = PageSession.signedIn(port, "alex");
        JsonNode data = page.getJson("/audit/cases/" + reference + "/diagram").json();
        JsonNode main = data.path("diagrams").get(0);
        assertThat(main.path("bpmnProcessId").asText()).isEqualTo("family-journey");
        assertThat(main.path("xml").asText()).contains("Task_MakeFirstContact");
        assertThat(main.path("completed").toString()).contains("Task_TriageReferral", "Task_AllocateWorker", "Task_MakeFirstContact",
                "Task_AssignCase", "StartEvent_ReferralReceived");
        assertThat(main.path("active").toString()).contains("Task_AssessFamily");
        assertThat(main.path("completed").toString()).doesNotContain("Task_AssessFamily");
        assertThat(views(reference, "audit process diagram")).isPositive();
    }

    @Test
    void workersCannotOpenTheAuditPages() {
        PageSession maya = PageSession.signedIn(port, "maya");
        assertThat(maya.get("/audit").status()).isEqualTo(403);
        assertThat(maya.get("/audit/cases/" + reference).status()).isEqualTo(403);
        assertThat(maya.get("/reports/funder").status()).isEqualTo(403);
        assertThat(maya.get("/audit/chain").status()).isEqualTo(403);
    }

    @Test
    void aRowChangedInTheDatabaseIsNamedOnTheLogCheckPage() throws Exception {
        PageSession alex = PageSession.signedIn(port, "alex");
        assertThat(alex.get("/audit/chain").body()).contains("Intact:");
        Long victim = jdbc.queryForObject("SELECT MIN(id) FROM journey_entry WHERE case_reference = ? AND kind = 'TASK_COMPLETED'",
                Long.class, reference);
        String original = jdbc.queryForObject("SELECT summary FROM journey_entry WHERE id = ?", String.class, victim);
        try (Connection root = DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + database.port() + "/familyjourney", owner, ownerPassword);
             Statement sql = root.createStatement()) {
            sql.executeUpdate("UPDATE journey_entry SET summary = 'Triage never happened' WHERE id = " + victim);
            try {
                Page broken = alex.get("/audit/chain");
                assertThat(broken.body()).contains("Broken:").contains("Entry " + victim + " is not as it was written")
                        .contains("its content was changed after it was written").contains("id=\"broken-entry\">" + victim + "<")
                        .contains("Triage never happened").contains(reference);
            } finally {
                try (var restore = root.prepareStatement("UPDATE journey_entry SET summary = ? WHERE id = ?")) {
                    restore.setString(1, original);
                    restore.setLong(2, victim);
                    restore.executeUpdate();
                }
            }
        }
        assertThat(chain.verify().intact()).isTrue();
        assertThat(alex.get("/audit/chain").body()).contains("Intact:");
    }

    @Test
    void eachProcessModelAsDeployedIsInTheJourneyWithItsFingerprint() throws Exception {
        for (var model : new PathMatchingResourcePatternResolver().getResources("classpath*:models/bpmn/*.bpmn")) {
            String xml = new String(model.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String process = model.getFilename().replace(".bpmn", "");
            String latest = jdbc.queryForObject("""
                    SELECT details FROM journey_entry WHERE case_reference IS NULL AND kind = 'PROCESS_DEPLOYED' AND step = ?
                    ORDER BY id DESC LIMIT 1""", String.class, process);
            assertThat(latest).as(process).contains("\"sha256\":\"" + ProcessCatalog.sha256(xml) + "\"");
        }
        assertThat(PageSession.signedIn(port, "alex").get("/audit/chain").body()).contains("Process family-journey version");
    }

    private long views(String caseReference, String what) {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM access_log WHERE case_reference = ? AND username IN ('alex', 'priya') AND what = ?",
                Long.class, caseReference, what);
        return count == null ? 0 : count;
    }

    private static List<String> rows(String html) {
        List<String> groups = new ArrayList<>();
        var matcher = java.util.regex.Pattern.compile("<tr data-group=\"([A-Z]+)\"").matcher(html);
        while (matcher.find()) {
            groups.add(matcher.group(1));
        }
        return groups;
    }
}
