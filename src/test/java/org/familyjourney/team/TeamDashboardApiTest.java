package org.familyjourney.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import org.familyjourney.security.StaffDirectory;
import org.familyjourney.support.ApplicationTest;
import org.familyjourney.support.FamilyWalk;
import org.familyjourney.support.PageSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
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

    @Test
    void showsAWorkersOpenCasesAndTasksWithWhatIsDueAndTheNewReferralsAndFirstContacts() {
        String worker = TeamFixtures.worker(staff, passwords, "Robin Dashboard");
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
        var response = api.get("priya", "/api/team/dashboard");
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        return response.body();
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
