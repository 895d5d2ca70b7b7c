package org.familyjourney.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.familyjourney.support.ApplicationTest;
import org.familyjourney.support.TestApi.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Workers log their 1:1 sessions with a family; the case shows them with a count for funders. */
class SessionApiTest extends ApplicationTest {

    @Autowired
    JdbcTemplate jdbc;

    private String caseOfMaya() {
        String reference = api.referFamily("priya");
        api.completeTask("priya", api.awaitTask("priya", reference, "Task_TriageReferral"),
                Map.of("triageDecision", "ACCEPT", "triageReason", "Needs support"));
        api.completeTask("priya", api.awaitTask("priya", reference, "Task_AllocateWorker"), Map.of("allocatedWorker", "maya"));
        api.awaitTask("maya", reference, "Task_MakeFirstContact");
        return reference;
    }

    private LocalDate today() {
        return LocalDate.ofInstant(Instant.parse(api.get("admin", "/api/engine/clock").text("now")), ZoneId.of("Europe/London"));
    }

    @Test
    void workerLogsSessionsAndTheCaseCountsThem() {
        String reference = caseOfMaya();
        Response visit = api.post("maya", "/api/cases/" + reference + "/sessions", Map.of("date", today().toString(),
                "kind", "HOME_VISIT", "durationMinutes", 50, "notes", "Talked through the morning routine"));
        Response call = api.post("maya", "/api/cases/" + reference + "/sessions", Map.of("date", today().minusDays(1).toString(),
                "kind", "PHONE", "durationMinutes", 15));

        assertThat(visit.status()).isEqualTo(201);
        assertThat(visit.body().path("id").asLong()).isPositive();
        assertThat(visit.body().path("recordedBy").asText()).isEqualTo("maya");
        assertThat(call.status()).isEqualTo(201);
        JsonNode sessions = api.get("priya", "/api/cases/" + reference + "/sessions").body();
        assertThat(sessions.path("count").asInt()).isEqualTo(2);
        assertThat(sessions.path("totalMinutes").asInt()).isEqualTo(65);
        assertThat(sessions.path("sessions").findValuesAsText("kind")).containsExactly("PHONE", "HOME_VISIT");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM journey_entry WHERE case_reference = ? AND kind = 'SESSION_RECORDED'",
                Integer.class, reference)).isEqualTo(2);
        assertThat(api.get("alex", "/api/cases/" + reference + "/sessions").status()).isEqualTo(200);
    }

    @Test
    void badSessionNamesEveryFieldAndStoresNothing() {
        String reference = caseOfMaya();
        Response future = api.post("maya", "/api/cases/" + reference + "/sessions", Map.of("date", today().plusDays(1).toString(),
                "kind", "CARRIER_PIGEON", "durationMinutes", 0));
        Response tooLong = api.post("maya", "/api/cases/" + reference + "/sessions", Map.of("date", "yesterday",
                "kind", "VIDEO", "durationMinutes", 601));
        Response missing = api.post("maya", "/api/cases/" + reference + "/sessions", Map.of());
        Response fraction = api.post("maya", "/api/cases/" + reference + "/sessions", Map.of("date", today().toString(),
                "kind", "TEXT", "durationMinutes", 12.5));

        assertThat(future.status()).isEqualTo(400);
        assertThat(future.body().path("errors").findValuesAsText("field")).containsExactlyInAnyOrder("date", "kind", "durationMinutes");
        assertThat(future.raw()).contains("future");
        assertThat(tooLong.body().path("errors").findValuesAsText("field")).containsExactlyInAnyOrder("date", "durationMinutes");
        assertThat(missing.body().path("errors").findValuesAsText("field")).containsExactlyInAnyOrder("date", "kind", "durationMinutes");
        assertThat(fraction.body().path("errors").findValuesAsText("field")).containsExactly("durationMinutes");
        assertThat(api.get("maya", "/api/cases/" + reference + "/sessions").body().path("count").asInt()).isZero();
    }

    @Test
    void onlyWorkersAndManagersWhoMaySeeTheCaseLogSessions() {
        String reference = caseOfMaya();
        Map<String, Object> session = Map.of("date", today().toString(), "kind", "OFFICE", "durationMinutes", 30);
        assertThat(api.post("alex", "/api/cases/" + reference + "/sessions", session).status()).isEqualTo(403);
        assertThat(api.post("dev", "/api/cases/" + reference + "/sessions", session).status()).isEqualTo(403);
        assertThat(api.post("tom", "/api/cases/" + reference + "/sessions", session).status()).isEqualTo(404);
        assertThat(api.post("maya", "/api/cases/FJ-1999-999999/sessions", session).status()).isEqualTo(404);
        assertThat(api.post("priya", "/api/cases/" + reference + "/sessions", session).status()).isEqualTo(201);
    }
}
