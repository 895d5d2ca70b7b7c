package org.familyjourney.exports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.familyjourney.support.ApplicationTest;
import org.familyjourney.support.Downloads;
import org.familyjourney.support.FamilyWalk;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** A subject access request answered with everything held on the family, as JSON and as a PDF made by a job. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SubjectAccessExportTest extends ApplicationTest {

    @Autowired
    JdbcTemplate jdbc;

    private Downloads downloads;
    private String reference;
    private String parent;

    @BeforeAll
    void aFamilyWithAHistory() {
        downloads = new Downloads(port);
        FamilyWalk family = FamilyWalk.refer(api, "maya").triageAndAllocate().firstContact();
        family.task("maya", "Task_AssessFamily");
        family.session(40);
        reference = family.reference();
        parent = jdbc.queryForObject("SELECT r.parent_name FROM referral r JOIN family_case c ON c.referral_id = r.id WHERE c.reference = ?",
                String.class, reference);
    }

    @Test
    void jsonHoldsEveryKindOfRecordAndListsItsOwnRequest() {
        HttpResponse<byte[]> response = downloads.get("alex", "/api/cases/" + reference + "/subject-access");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Disposition").orElse("")).contains(reference + "-subject-access.json");
        JsonNode held = Downloads.json(response);
        assertThat(held.path("caseReference").asText()).isEqualTo(reference);
        assertThat(held.path("madeBy").asText()).isEqualTo("alex");
        assertThat(held.path("sections").findValuesAsText("key")).containsExactly("case", "referral", "children", "concerns", "tasks",
                "drafts", "journey", "journeyText", "sessions", "safeguardingConcerns", "stepUps", "schoolMeetings", "onwardReferrals", "consentToShare",
                "consents", "consentOverrides", "retention", "notifications", "deadlines", "escalations", "accessLog");
        assertThat(section(held, "referral").get(0).path("parent_name").asText()).isEqualTo(parent);
        assertThat(section(held, "children").get(0).path("name").asText()).startsWith("Kit Testfamily");
        assertThat(section(held, "tasks").toString()).contains("\"firstContactOutcome\":\"REACHED\"");
        assertThat(section(held, "journey").size()).isGreaterThan(10);
        assertThat(section(held, "sessions").get(0).path("duration_minutes").asInt()).isEqualTo(40);
        assertThat(section(held, "deadlines").size()).isPositive();
        assertThat(section(held, "consents").findValuesAsText("scope")).contains("SUPPORT", "SHARE_WITH_SERVICES", "CONTACT_SCHOOL");
        assertThat(section(held, "consents").findValuesAsText("given_by")).containsOnly(parent);
        assertThat(section(held, "accessLog").toString()).contains("subject access export (JSON)").contains("alex");
    }

    @Test
    void pdfIsMadeByAJobWithProgressAndHoldsTheRecords() {
        HttpResponse<byte[]> pdf = downloads.byJob("alex", "/api/cases/" + reference + "/subject-access.pdf");
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        String text = Downloads.pdfText(pdf.body());
        assertThat(text).contains("Subject access: everything held for case " + reference).contains(parent)
                .contains("REACHED").contains("Talked through the morning routine").contains("subject access export (PDF)")
                .contains("Who has looked at the record");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM access_log WHERE case_reference = ? AND username = 'alex' AND what = ?",
                Integer.class, reference, "subject access export (PDF)")).isPositive();
    }

    @Test
    void onlyWhoStartedAnExportMayFetchIt() {
        HttpResponse<byte[]> started = downloads.get("priya", "/api/cases/" + reference + "/subject-access.pdf");
        String status = started.headers().firstValue("Location").orElseThrow();
        assertThat(downloads.get("alex", status).statusCode()).isEqualTo(404);
        assertThat(downloads.get("alex", status + "/file").statusCode()).isEqualTo(404);
    }

    @Test
    void workersCannotMakeASubjectAccessExport() {
        assertThat(downloads.get("maya", "/api/cases/" + reference + "/subject-access").statusCode()).isEqualTo(403);
        assertThat(downloads.get("maya", "/api/cases/" + reference + "/subject-access.pdf").statusCode()).isEqualTo(403);
    }

    private static JsonNode section(JsonNode held, String key) {
        for (JsonNode section : held.path("sections")) {
            if (key.equals(section.path("key").asText())) {
                return section.path("rows");
            }
        }
        throw new AssertionError("No section " + key);
    }
}
