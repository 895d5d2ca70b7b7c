package org.familyjourney.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.familyjourney.engine.EngineGeneration;
import org.familyjourney.processes.ProcessCatalog;
import org.familyjourney.support.ApplicationTest;
import org.familyjourney.support.TestApi.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A manager moves a running case from an older version of the journey onto the one in service, and
 * the case carries on there. The newer version differs only by a comment (the shared context's
 * other tests see the same journey), and the packaged diagram is put back into service at the end.
 */
class ProcessMigrationApplicationTest extends ApplicationTest {

    private static final String JOURNEY = "family-journey";

    @Autowired
    ProcessCatalog catalog;

    @Autowired
    EngineGeneration generation;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aRunningCaseMovesToTheNewestVersionAndCarriesOnThere() {
        Packaged.putInService(api, JOURNEY);
        String reference = api.referFamily("maya");
        long triage = api.awaitTask("priya", reference, "Task_TriageReferral");
        int n = versions().get(0).path("version").asInt();
        Response deployed = api.upload("priya", "/api/processes/" + JOURNEY + "/deployments", JOURNEY + ".bpmn",
Packaged.processWithComment(JOURNEY, "migration test").getBytes(StandardCharsets.UTF_8), Map.of("comment", "Migration test"));
        assertThat(deployed.status()).as(deployed.raw()).isEqualTo(201);
        try {
            assertThat(api.post("priya", "/api/processes/" + JOURNEY + "/migrations?fromVersion=" + (n + 1), Map.of()).status())
                    .as("the version in service is no older version").isEqualTo(400);

            Response report = api.post("priya", "/api/processes/" + JOURNEY + "/migrations?fromVersion=" + n + "&case=" + reference, Map.of());
            assertThat(report.status()).as(report.raw()).isEqualTo(200);
            assertThat(report.body().path("toVersion").asInt()).isEqualTo(n + 1);
            JsonNode outcome = report.body().path("outcomes").get(0);
            assertThat(outcome.path("caseReference").asText()).isEqualTo(reference);
            assertThat(outcome.path("migrated").asBoolean()).as(outcome.toString()).isTrue();
            long newest = catalog.latest(generation.current(), JOURNEY).orElseThrow().definitionKey();
            assertThat(jdbc.queryForObject("SELECT process_definition_key FROM user_task WHERE id = ?", Long.class, triage)).isEqualTo(newest);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM journey_entry WHERE case_reference = ? AND kind = 'CASE_UPDATED' AND summary LIKE ?",
                    Integer.class, reference, "Moved from version " + n + " to version " + (n + 1) + "%")).isEqualTo(1);

            assertThat(api.completeTask("priya", triage, Map.of("triageDecision", "ACCEPT", "triageReason", "Attendance support")).status())
                    .isEqualTo(204);
            long allocate = api.awaitTask("priya", reference, "Task_AllocateWorker");
            assertThat(jdbc.queryForObject("SELECT process_definition_key FROM user_task WHERE id = ?", Long.class, allocate)).isEqualTo(newest);
        } finally {
            api.post("priya", "/api/processes/" + JOURNEY + "/rollbacks?toVersion=" + n, Map.of());
        }
    }

    @Test
    void aCaseWhoseOpenStepIsGoneFromTheNewVersionIsReportedAndStaysWhereItWas() {
        Packaged.putInService(api, JOURNEY);
        String reference = api.referFamily("maya");
        long triage = api.awaitTask("priya", reference, "Task_TriageReferral");
        long before = jdbc.queryForObject("SELECT process_definition_key FROM user_task WHERE id = ?", Long.class, triage);
        int n = versions().get(0).path("version").asInt();
        // The triage step under another id: for the engine the open step is gone from the new version.
        String renamed = Packaged.process(JOURNEY).replace("Task_TriageReferral", "Task_TriageTheReferral");
        assertThat(api.upload("priya", "/api/processes/" + JOURNEY + "/deployments", JOURNEY + ".bpmn",
                renamed.getBytes(StandardCharsets.UTF_8), Map.of("comment", "Triage step under a new id")).status()).isEqualTo(201);
        try {
            Response report = api.post("priya", "/api/processes/" + JOURNEY + "/migrations?fromVersion=" + n + "&case=" + reference, Map.of());
            assertThat(report.status()).as(report.raw()).isEqualTo(200);
            JsonNode outcome = report.body().path("outcomes").get(0);
            assertThat(outcome.path("caseReference").asText()).isEqualTo(reference);
            assertThat(outcome.path("migrated").asBoolean()).isFalse();
            assertThat(outcome.path("reason").asText()).startsWith("The engine refused").contains("Task_TriageReferral");
            assertThat(jdbc.queryForObject("SELECT process_definition_key FROM user_task WHERE id = ?", Long.class, triage)).isEqualTo(before);
        } finally {
            api.post("priya", "/api/processes/" + JOURNEY + "/rollbacks?toVersion=" + n, Map.of());
        }
        assertThat(api.completeTask("priya", triage, Map.of("triageDecision", "ACCEPT", "triageReason", "Attendance support")).status())
                .as("the case carries on on its own version").isEqualTo(204);
        api.awaitTask("priya", reference, "Task_AllocateWorker");
    }

    private JsonNode versions() {
        return api.get("priya", "/api/processes/" + JOURNEY + "/versions").body();
    }

}
