package org.familyjourney.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.familyjourney.security.StaffDirectory;
import org.familyjourney.security.Teams;
import org.familyjourney.support.ApplicationTest;
import org.familyjourney.support.FamilyWalk;
import org.familyjourney.support.PageSession;
import org.familyjourney.support.StoredIncidents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The dashboard's figures, checked on a worker of the test's own (other tests' families share the
 * database, so service-wide figures are checked as changes), and who may see it.
 */
class TeamDashboardApiTest extends ApplicationTest {

    @Autowired
    StaffDirectory staff;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    Teams teams;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void showsAWorkersOpenCasesAndTasksWithWhatIsDueAndTheNewReferralsAndFirstContacts() {
        String worker = TeamFixtures.worker(staff, teams, passwords, "Robin Dashboard");
        JsonNode before = dashboard();
        assertThat(row(before, worker).path("openCases").asLong()).isZero();

        FamilyWalk first = FamilyWalk.refer(api, worker).triageAndAllocate();
        FamilyWalk second = FamilyWalk.refer(api, worker).triageAndAllocate();
        first.task(worker, "Task_MakeFirstContact");
        second.task(worker, "Task_MakeFirstContact");

        JsonNode after = dashboard();
        JsonNode mine = row(after, worker);
        assertThat(mine.path("name").asText()).isEqualTo("Robin Dashboard");
        assertThat(mine.path("openCases").asLong()).isEqualTo(2);
        assertThat(mine.path("openTasks").asLong()).isEqualTo(2);
        // Make first contact is due 2 working days after allocation: overdue or due this week by the dashboard's own clock.
        Instant at = Instant.parse(after.path("at").asText());
        Instant weekEnds = java.time.LocalDate.parse(after.path("weekEnds").asText()).plusDays(1)
                .atStartOfDay(java.time.ZoneId.of("Europe/London")).toInstant();
        long overdue = 0;
        long dueThisWeek = 0;
        for (JsonNode task : api.get(worker, "/api/tasks?assignee=" + worker).body()) {
            Instant due = Instant.parse(task.path("dueDate").asText());
            overdue += due.isBefore(at) ? 1 : 0;
            dueThisWeek += !due.isBefore(at) && due.isBefore(weekEnds) ? 1 : 0;
        }
        assertThat(mine.path("overdueTasks").asLong()).isEqualTo(overdue);
        assertThat(mine.path("dueThisWeek").asLong()).isEqualTo(dueThisWeek);
        assertThat(after.path("totals").path("openCases").asLong()).isGreaterThanOrEqualTo(before.path("totals").path("openCases").asLong() + 2);

        JsonNode weeks = after.path("referrals").path("weeks");
        assertThat(weeks).hasSize(12);
        assertThat(weeks.get(11).path("bySource").path("SCHOOL").asLong())
                .isEqualTo(before.path("referrals").path("weeks").get(11).path("bySource").path("SCHOOL").asLong() + 2);
        assertThat(after.path("referrals").path("sources")).hasSize(7);

        assertThat(after.path("awaitingFirstContact").path("families").asLong())
                .isGreaterThanOrEqualTo(before.path("awaitingFirstContact").path("families").asLong() + 2);
        first.firstContact();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(dashboard().path("firstContact").path("families").asLong())
                        .isEqualTo(before.path("firstContact").path("families").asLong() + 1));
        JsonNode contact = dashboard().path("firstContact");
        assertThat(contact.path("target").asText()).isEqualTo("2 working days");
        assertThat(contact.path("percentWithinTarget").asDouble()).isBetween(0.0, 100.0);
        assertThat(row(dashboard(), worker).path("openTasks").asLong()).as("first contact done, assessment open").isEqualTo(2);

        JsonNode escalations = after.path("escalations");
        long byKind = 0;
        for (JsonNode kind : escalations.path("byKind")) {
            byKind += kind.path("count").asLong();
        }
        long byState = 0;
        for (JsonNode count : escalations.path("byState")) {
            byState += count.asLong();
        }
        assertThat(byKind).isEqualTo(byState);
    }

    @Test
    void aManagerSeesTheirOwnTeamsWorkersCasesAndIncidentsAnAuditorEveryTeams() {
        String north = TeamFixtures.worker(staff, teams, passwords, "Noor North");
        String northCase = FamilyWalk.refer(api, north).triageAndAllocate().reference();
        String southCase = TeamFixtures.allocatedInSouth(api);
        long northIncident = StoredIncidents.ofAnEarlierEngineRun(jdbc, northCase);
        long southIncident = StoredIncidents.ofAnEarlierEngineRun(jdbc, southCase);
        escalation(northCase);
        escalation(southCase);

        JsonNode priya = dashboard("priya");
        assertThat(usernames(priya)).contains(north).doesNotContain("sol", "nadia");
        assertThat(caseReferences(priya)).contains(northCase).doesNotContain(southCase);
        JsonNode nadia = dashboard("nadia");
        assertThat(usernames(nadia)).contains("sol").doesNotContain(north, "maya", "tom");
        assertThat(caseReferences(nadia)).contains(southCase).doesNotContain(northCase);
        assertThat(row(nadia, "sol").path("openCases").asLong()).isPositive();
        JsonNode alex = dashboard("alex");
        assertThat(usernames(alex)).contains(north, "sol", "maya");
        assertThat(caseReferences(alex)).contains(northCase, southCase);
        assertThat(row(alex, "sol").path("openCases").asLong()).isEqualTo(row(nadia, "sol").path("openCases").asLong());
        assertThat(row(alex, north).path("openCases").asLong()).isEqualTo(row(priya, north).path("openCases").asLong()).isEqualTo(1);

        // Another team's incident does not exist for a manager; their own (of an earlier engine run) is a conflict, not a 404.
        assertThat(api.get("priya", "/api/incidents/" + southIncident).status()).isEqualTo(404);
        assertThat(api.post("priya", "/api/incidents/" + southIncident + "/retry", Map.of()).status()).isEqualTo(404);
        assertThat(api.post("nadia", "/api/incidents/" + northIncident + "/retry", Map.of()).status()).isEqualTo(404);
        assertThat(api.post("priya", "/api/incidents/" + northIncident + "/retry", Map.of()).status()).isEqualTo(409);
        assertThat(api.get("alex", "/api/incidents/" + southIncident).status()).isEqualTo(200);
    }

    @Test
    void managersAndAuditorsSeeTheDashboardWorkersDoNot() {
        assertThat(api.get("priya", "/api/team/dashboard").status()).isEqualTo(200);
        assertThat(api.get("alex", "/api/team/dashboard").status()).isEqualTo(200);
        assertThat(api.get("maya", "/api/team/dashboard").status()).isEqualTo(403);
        assertThat(api.get(null, "/api/team/dashboard").status()).isEqualTo(401);
        assertThat(PageSession.signedIn(port, "maya").get("/manage/team").status()).isEqualTo(403);
        String auditorPage = PageSession.signedIn(port, "alex").get("/manage/team").body();
        assertThat(auditorPage).contains("Team dashboard").doesNotContain("Move a caseload").doesNotContain("id=\"caseload-form\"");
        assertThat(PageSession.signedIn(port, "priya").get("/manage/team").body()).contains("Move a caseload");
    }

    private JsonNode dashboard() {
        return dashboard("priya");
    }

    private JsonNode dashboard(String user) {
        var response = api.get(user, "/api/team/dashboard");
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        return response.body();
    }

    private static List<String> usernames(JsonNode dashboard) {
        return dashboard.path("workers").findValuesAsText("username");
    }

    /** The cases the dashboard's lists name: its incidents and open escalations. */
    private static List<String> caseReferences(JsonNode dashboard) {
        List<String> references = new ArrayList<>(dashboard.path("incidents").path("current").findValuesAsText("caseReference"));
        references.addAll(dashboard.path("escalations").path("open").findValuesAsText("caseReference"));
        return references;
    }

    /** An open escalation of the case, as the escalation worker writes one (without an engine job behind it). */
    private void escalation(String reference) {
        jdbc.update("""
                INSERT INTO escalation (case_reference, kind, message, raised_at, state, engine_generation, job_key)
                VALUES (?, 'OVERDUE', 'A deadline on this case has passed', NOW(6), 'OPEN', -1, ?)""", reference, -System.nanoTime());
    }

    private static JsonNode row(JsonNode dashboard, String worker) {
        for (JsonNode row : dashboard.path("workers")) {
            if (worker.equals(row.path("username").asText())) {
                return row;
            }
        }
        throw new AssertionError("No row for " + worker + " in " + dashboard.path("workers"));
    }
}
