package org.familyjourney.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import org.familyjourney.database.EmbeddedDatabase;
import org.familyjourney.support.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

/** The journey log is append-only for the app, and tampering behind its back is detected. */
class JourneyChainTest extends ApplicationTest {

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

    @Test
    void theAppsDatabaseUserCannotRewriteOrDeleteTheJourney() {
        api.referFamily("priya");
        assertThatThrownBy(() -> jdbc.update("UPDATE journey_entry SET summary = 'nothing happened'"))
                .rootCause().hasMessageContaining("command denied");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM journey_entry")).rootCause().hasMessageContaining("command denied");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM access_log")).rootCause().hasMessageContaining("command denied");
    }

    @Test
    void journeyOfACaseIsReadableAndTheViewIsLogged() {
        String reference = api.referFamily("priya");
        JsonNode entries = api.get("alex", "/api/cases/" + reference + "/journey").body();
        assertThat(entries.findValuesAsText("kind")).contains("REFERRAL_RECEIVED", "CASE_OPENED");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM access_log WHERE case_reference = ? AND username = 'alex' AND what = 'journey'",
                Integer.class, reference)).isEqualTo(1);
    }

    @Test
    void changingAnEntryDirectlyInTheDatabaseIsDetectedAndNamed() throws Exception {
        api.referFamily("priya");
        assertThat(api.get("alex", "/api/audit/journey-chain").body().path("intact").asBoolean()).isTrue();
        Long victim = jdbc.queryForObject("SELECT MAX(id) - 1 FROM journey_entry", Long.class);
        try (Connection root = DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + database.port() + "/familyjourney",
                owner, ownerPassword);
             Statement sql = root.createStatement()) {
            String original = jdbc.queryForObject("SELECT summary FROM journey_entry WHERE id = ?", String.class, victim);
            sql.executeUpdate("UPDATE journey_entry SET summary = 'Referral withdrawn' WHERE id = " + victim);
            try {
                JsonNode verdict = api.get("alex", "/api/audit/journey-chain").body();
                assertThat(verdict.path("intact").asBoolean()).isFalse();
                assertThat(verdict.path("firstBrokenEntry").asLong()).isEqualTo(victim);
                assertThat(verdict.path("problem").asText()).contains("changed");
            } finally {
                try (var restore = root.prepareStatement("UPDATE journey_entry SET summary = ? WHERE id = ?")) {
                    restore.setString(1, original);
                    restore.setLong(2, victim);
                    restore.executeUpdate();
                }
            }
        }
        assertThat(chain.verify().intact()).isTrue();
    }

    @Test
    void workersCannotCheckTheChain() {
        assertThat(api.get("maya", "/api/audit/journey-chain").status()).isEqualTo(403);
        // Only reading is possible (a manager may check it); an auditor is refused any change before that.
        assertThat(api.post("priya", "/api/audit/journey-chain", Map.of()).status()).isEqualTo(405);
        assertThat(api.post("alex", "/api/audit/journey-chain", Map.of()).status()).isEqualTo(403);
    }
}
