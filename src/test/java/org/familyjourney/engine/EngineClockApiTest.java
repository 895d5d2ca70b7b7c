package org.familyjourney.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.familyjourney.support.ApplicationTest;
import org.familyjourney.support.TestApi.Response;
import org.junit.jupiter.api.Test;

class EngineClockApiTest extends ApplicationTest {

    @Test
    void adminMovesTheEngineClockForward() {
        Instant before = Instant.parse(api.get("admin", "/api/engine/clock").text("now"));
        Response moved = api.advanceClock("PT2H");
        assertThat(moved.status()).isEqualTo(200);
        assertThat(Duration.between(before, Instant.parse(moved.text("now")))).isGreaterThanOrEqualTo(Duration.ofHours(2));
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
