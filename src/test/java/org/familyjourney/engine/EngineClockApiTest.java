package org.familyjourney.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.familyjourney.support.ApplicationTest;
import org.familyjourney.support.TestApi.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class EngineClockApiTest extends ApplicationTest {

    @Autowired
    EmbeddedEngine engine;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void adminMovesTheEngineClockForward() {
        Instant before = Instant.parse(api.get("admin", "/api/engine/clock").text("now"));
        Response moved = api.advanceClock("PT2H");
        assertThat(moved.status()).isEqualTo(200);
        assertThat(Duration.between(before, Instant.parse(moved.text("now")))).isGreaterThanOrEqualTo(Duration.ofHours(2));
    }

    @Test
    void aMoveIsStoredForTheNextStartAndTheAppMayNotRemoveIt() {
        assertThat(api.advanceClock("PT1M").status()).isEqualTo(200);
        Duration stored = jdbc.queryForObject("SELECT offset_seconds, offset_nanos FROM engine_clock WHERE id = 1",
                (rs, row) -> Duration.ofSeconds(rs.getLong(1), rs.getInt(2)));
        assertThat(stored).isEqualTo(engine.clockOffset());
        assertThatThrownBy(() -> jdbc.update("DELETE FROM engine_clock")).rootCause().hasMessageContaining("command denied");
        assertThatThrownBy(() -> jdbc.update("INSERT INTO engine_clock (id, offset_seconds, offset_nanos, moved_at) VALUES (2, 0, 0, NOW())"))
                .rootCause().hasMessageContaining("command denied");
    }

    @Test
    void onlyAnAdminMayMoveTheClock() {
        assertThat(api.post("priya", "/api/engine/clock", Map.of("advanceBy", "P1D")).status()).isEqualTo(403);
    }

    @Test
    void aDurationThatIsNotIsoIsExplained() {
        Response response = api.post("admin", "/api/engine/clock", Map.of("advanceBy", "three days"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text("detail")).contains("ISO-8601");
    }
}
