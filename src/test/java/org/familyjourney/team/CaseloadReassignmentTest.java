package org.familyjourney.team;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.familyjourney.security.StaffDirectory;
import org.familyjourney.security.Teams;
import org.familyjourney.support.ApplicationTest;
import org.familyjourney.support.FamilyWalk;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A worker goes on leave: the manager moves their caseload to a colleague. The cases and their open
 * tasks move, each case's journey says why, the journey engine gives the next steps to the new worker,
 * and the old worker no longer has them.
 */
class CaseloadReassignmentTest extends ApplicationTest {

    @Autowired
    StaffDirectory staff;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    Teams teams;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aWorkersOpenCasesAndTasksMoveToAColleagueWithTheReasonInEachJourney() {
        String away = TeamFixtures.worker(staff, teams, passwords, "Ash Away");
        String colleague = TeamFixtures.worker(staff, teams, passwords, "Cam Colleague");
        FamilyWalk first = FamilyWalk.refer(api, away).triageAndAllocate();
        FamilyWalk second = FamilyWalk.refer(api, away).triageAndAllocate();
        long firstContact = first.task(away, "Task_MakeFirstContact");
        long secondContact = second.task(away, "Task_MakeFirstContact");

        var preview = api.post("priya", "/api/team/caseloads/preview", Map.of("from", away, "to", List.of(colleague), "reason", "On leave"));
        assertThat(preview.status()).as(preview.raw()).isEqualTo(200);
        assertThat(preview.body().path("openCases").asInt()).isEqualTo(2);
        assertThat(preview.body().path("openTasks").asInt()).isEqualTo(2);

        var unconfirmed = api.post("priya", "/api/team/caseloads/reassign", Map.of("from", away, "to", List.of(colleague)));
        assertThat(unconfirmed.status()).isEqualTo(400);
        assertThat(fields(unconfirmed.body())).contains("reason", "confirmed");
        assertThat(api.post("priya", "/api/team/caseloads/reassign", Map.of("from", away, "to", List.of("alex"), "reason", "x",
                "confirmed", true)).status()).isEqualTo(400);
        assertThat(api.post("maya", "/api/team/caseloads/reassign", Map.of("from", away, "to", List.of(colleague), "reason", "x",
                "confirmed", true)).status()).isEqualTo(403);
        assertThat(api.post("alex", "/api/team/caseloads/reassign", Map.of("from", away, "to", List.of(colleague), "reason", "x",
                "confirmed", true)).status()).isEqualTo(403);

        var manager = org.familyjourney.support.PageSession.signedIn(port, "priya");
        manager.get("/manage/team");
        var page = manager.postForm("/manage/team/caseload", Map.of("from", away, "to", colleague, "reason", " "));
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.body()).contains("There is a problem").contains("Reason is required");

        var moved = api.post("priya", "/api/team/caseloads/reassign", Map.of("from", away, "to", List.of(colleague),
                "reason", "Ash on leave until 5 January", "confirmed", true));
        assertThat(moved.status()).as(moved.raw()).isEqualTo(200);
        assertThat(moved.body().path("cases")).hasSize(2).allMatch(c -> c.path("engineUpdated").asBoolean()
                && colleague.equals(c.path("to").asText()));
        assertThat(moved.body().path("tasks")).hasSize(2);

        for (FamilyWalk family : List.of(first, second)) {
            assertThat(api.get("priya", "/api/cases/" + family.reference()).text("worker")).isEqualTo(colleague);
            JsonNode journey = api.get("priya", "/api/cases/" + family.reference() + "/journey").body();
            List<JsonNode> reassigned = StreamSupport.stream(journey.spliterator(), false)
                    .filter(e -> "CASE_REASSIGNED".equals(e.path("kind").asText())).toList();
            assertThat(reassigned).extracting(e -> e.path("summary").asText())
                    .containsExactly("Case moved from " + away + " to " + colleague + " by priya");
            assertThat(reassigned.get(0).path("details").asText()).contains("\"reason\":\"Ash on leave until 5 January\"")
                    .contains("\"to\":\"" + colleague + "\"");
            // The reason is free text: kept beside the hashed entry, where anonymisation overwrites it.
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM journey_entry WHERE case_reference = ? AND (summary LIKE ? OR details LIKE ?)",
                    Integer.class, family.reference(), "%Ash on leave%", "%Ash on leave%")).isZero();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM journey_entry_text WHERE case_reference = ? AND content LIKE ?",
                    Integer.class, family.reference(), "%Ash on leave until 5 January%")).isOne();
        }
        assertThat(taskIds(colleague)).contains(firstContact, secondContact);
        assertThat(taskIds(away)).doesNotContain(firstContact, secondContact);

        // The engine's allocatedWorker moved too: the next step of the journey goes to the colleague.
        first.complete(colleague, "Task_MakeFirstContact", Map.of("firstContactOutcome", "REACHED",
                "firstContactDate", first.today().toString(), "firstContactMethod", "HOME_VISIT", "firstContactNotes", "Met at home"));
        long assessment = api.awaitTask(colleague, first.reference(), "Task_AssessFamily");
        assertThat(api.get(colleague, "/api/tasks/" + assessment).text("assignee")).isEqualTo(colleague);
    }

    @Test
    void aManagerMovesOnlyTheirOwnTeamsCaseloadsAndOnlyToTheirTeam() {
        String north = TeamFixtures.worker(staff, teams, passwords, "Nat North");
        String southCase = TeamFixtures.allocatedInSouth(api);

        var fromSouth = api.post("priya", "/api/team/caseloads/reassign", Map.of("from", "sol", "to", List.of(north),
                "reason", "Sol on leave", "confirmed", true));
        assertThat(fromSouth.status()).as(fromSouth.raw()).isEqualTo(400);
        assertThat(problem(fromSouth.body(), "from")).contains("is not in your team (North)");
        var toSouth = api.post("priya", "/api/team/caseloads/preview", Map.of("from", north, "to", List.of("sol"), "reason", "On leave"));
        assertThat(toSouth.status()).as(toSouth.raw()).isEqualTo(400);
        assertThat(problem(toSouth.body(), "to")).contains("sol is not in your team (North)");
        var nadia = api.post("nadia", "/api/team/caseloads/preview", Map.of("from", north, "to", List.of("sol"), "reason", "On leave"));
        assertThat(nadia.status()).isEqualTo(400);
        assertThat(problem(nadia.body(), "from")).contains("is not in your team (South)");
        assertThat(fields(nadia.body())).doesNotContain("to");

        assertThat(api.get("nadia", "/api/cases/" + southCase).text("worker")).isEqualTo("sol");
        var page = org.familyjourney.support.PageSession.signedIn(port, "priya").get("/manage/team").body();
        assertThat(page).contains("value=\"" + north + "\"").doesNotContain("value=\"sol\"");
    }

    @Test
    void aRestrictedCaseMovesWithTheCaseloadAndItsNewWorkerIsNamedOnIt() {
        String away = TeamFixtures.worker(staff, teams, passwords, "Rae Restricted");
        String colleague = TeamFixtures.worker(staff, teams, passwords, "Kit Colleague");
        FamilyWalk family = FamilyWalk.refer(api, away).triageAndAllocate();
        String reference = family.reference();
        long firstContact = family.task(away, "Task_MakeFirstContact");
        // grace (also a North manager) restricts it, so priya, who moves the caseload, is not named on it.
        assertThat(api.post("grace", "/api/cases/" + reference + "/restriction", Map.of("reason", "Parent fled domestic abuse")).status())
                .isEqualTo(200);
        assertThat(api.get("priya", "/api/cases/" + reference).status()).isEqualTo(404);
        assertThat(api.get(colleague, "/api/tasks/" + firstContact).status()).isEqualTo(404);

        var moved = api.post("priya", "/api/team/caseloads/reassign", Map.of("from", away, "to", List.of(colleague),
                "reason", "Rae has left", "confirmed", true));

        assertThat(moved.status()).as(moved.raw()).isEqualTo(200);
        assertThat(moved.body().path("cases")).hasSize(1);
        assertThat(moved.body().path("tasks")).hasSize(1);
        assertThat(moved.body().path("notMoved")).isEmpty();
        assertThat(moved.raw()).as("priya is not named on the record: its reference is not hers to learn").doesNotContain(reference);
        assertThat(api.get(colleague, "/api/cases/" + reference).text("worker")).isEqualTo(colleague);
        assertThat(api.get(colleague, "/api/tasks/" + firstContact).text("assignee")).isEqualTo(colleague);
        assertThat(org.familyjourney.support.PageSession.signedIn(port, colleague).get("/tasks/" + firstContact).status()).isEqualTo(200);
        JsonNode journey = api.get(colleague, "/api/cases/" + reference + "/journey").body();
        assertThat(StreamSupport.stream(journey.spliterator(), false)
                .filter(e -> "RECORD_RESTRICTED".equals(e.path("kind").asText())).map(e -> e.path("summary").asText()))
                .contains(colleague + " named on the restricted record: the case moved to them");
        assertThat(api.get(colleague, "/api/cases/" + reference + "/restriction").body().path("people").toString())
                .contains(colleague).doesNotContain("priya");
        assertThat(api.get("priya", "/api/cases/" + reference).status()).isEqualTo(404);
    }

    private static String problem(JsonNode problem, String field) {
        return StreamSupport.stream(problem.path("errors").spliterator(), false).filter(e -> field.equals(e.path("field").asText()))
                .map(e -> e.path("message").asText()).findFirst().orElse("");
    }

    private List<Long> taskIds(String user) {
        return StreamSupport.stream(api.get(user, "/api/tasks?assignee=" + user).body().spliterator(), false)
                .map(t -> t.path("id").asLong()).toList();
    }

    private static List<String> fields(JsonNode problem) {
        return StreamSupport.stream(problem.path("errors").spliterator(), false).map(e -> e.path("field").asText()).toList();
    }
}
