package org.familyjourney.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.familyjourney.processes.ProcessCatalog;
import org.familyjourney.support.ApplicationTest;
import org.familyjourney.support.TestApi.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Deploys and roll backs as a manager does them. The diagram deployed differs from the packaged
 * one only by a comment, so other tests in the shared context see the same behaviour; each test
 * ends by putting the packaged content back into service.
 */
class ModelDeploymentApplicationTest extends ApplicationTest {

    private static final String PROCESS = "onward-referral";

    @Autowired
    CurrentModels current;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    @AfterEach
    void packagedInService() {
        Packaged.putInService(api, PROCESS);
    }

    @Test
    void aValidModelDeploysAsTheNextVersionWithWhoWhenAndWhy() {
        JsonNode before = versions();
        int n = before.get(0).path("version").asInt();
        String comment = "Reworded the notes " + java.util.UUID.randomUUID();
        Response deployed = api.upload("priya", "/api/processes/" + PROCESS + "/deployments", PROCESS + ".bpmn",
                changed().getBytes(StandardCharsets.UTF_8), Map.of("comment", comment));
        assertThat(deployed.status()).as(deployed.raw()).isEqualTo(201);
        assertThat(deployed.body().path("version").asInt()).isEqualTo(n + 1);
        JsonNode newest = versions().get(0);
        assertThat(newest.path("version").asInt()).isEqualTo(n + 1);
        assertThat(newest.path("deployedBy").asText()).isEqualTo("priya");
        assertThat(newest.path("comment").asText()).isEqualTo(comment);
        assertThat(newest.path("sha256").asText()).isEqualTo(ProcessCatalog.sha256(changed()));
        assertThat(newest.path("inService").asBoolean()).isTrue();
        assertThat(jdbc.queryForObject("""
                SELECT COUNT(*) FROM journey_entry WHERE kind = 'PROCESS_DEPLOYED' AND step = ? AND actor = 'priya'
                  AND details LIKE ?""", Integer.class, PROCESS, "%" + comment + "%")).isEqualTo(1);

        Response again = api.upload("priya", "/api/processes/" + PROCESS + "/deployments", PROCESS + ".bpmn",
                changed().getBytes(StandardCharsets.UTF_8), Map.of("comment", "Twice"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("detail")).contains("same as version " + (n + 1));
        rollBackToPackaged(n + 2);
    }

    @Test
    void aRestartPutsTheManagersLatestVersionIntoServiceNotThePackagedFile() {
        int n = versions().get(0).path("version").asInt();
        assertThat(api.upload("priya", "/api/processes/" + PROCESS + "/deployments", PROCESS + ".bpmn",
                changed().getBytes(StandardCharsets.UTF_8), Map.of("comment", "Before a restart")).status()).isEqualTo(201);
        // What ModelDeployer deploys when the app starts again with the same jar:
        CurrentModels.Model atStart = current.atStartUp().stream()
                .filter(m -> m.kind() == ModelKind.BPMN && m.id().equals(PROCESS)).findFirst().orElseThrow();
        assertThat(atStart.content()).isEqualTo(changed());
        assertThat(atStart.version()).isEqualTo(n + 1);
        assertThat(versions().get(0).path("version").asInt()).as("the packaged file, already known, is not recorded again").isEqualTo(n + 1);
        rollBackToPackaged(n + 2);
    }

    @Test
    void aDeployWithoutACommentIsRefused() {
        Response answer = api.upload("priya", "/api/processes/" + PROCESS + "/deployments", PROCESS + ".bpmn",
                changed().getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.raw()).contains("comment");
    }

    private void rollBackToPackaged(int expectedVersion) {
        int packaged = 0;
        for (JsonNode version : versions()) {
            if (version.path("sha256").asText().equals(ProcessCatalog.sha256(Packaged.process(PROCESS)))) {
                packaged = version.path("version").asInt();
            }
        }
        Response rolledBack = api.post("priya", "/api/processes/" + PROCESS + "/rollbacks?toVersion=" + packaged, Map.of());
        assertThat(rolledBack.status()).as(rolledBack.raw()).isEqualTo(201);
        assertThat(rolledBack.body().path("version").asInt()).isEqualTo(expectedVersion);
        assertThat(rolledBack.body().path("comment").asText()).startsWith("Rolled back to version " + packaged);
        assertThat(rolledBack.body().path("sha256").asText()).isEqualTo(ProcessCatalog.sha256(Packaged.process(PROCESS)));
    }

    private JsonNode versions() {
        return api.get("priya", "/api/processes/" + PROCESS + "/versions").body();
    }

    private static String changed() {
        return Packaged.processWithComment(PROCESS, "reworded");
    }

}
