package org.familyjourney.caseimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.familyjourney.support.ApplicationTest;
import org.familyjourney.support.PageSession;
import org.familyjourney.support.TestApi.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** A charity moving from spreadsheets imports its open cases, each started at its current step with its own dates. */
class CaseImportApplicationTest extends ApplicationTest {

    private static final ZoneId UK = ZoneId.of("Europe/London");
    private static final DateTimeFormatter UK_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final String HEADER = "family_name,parent_name,parent_phone,postcode,children,referral_source,referrer_name,"
            + "referrer_organisation,referral_date,concerns,current_step,worker,step_due\n";

    @Autowired
    JdbcTemplate jdbc;

    private final String tag = UUID.randomUUID().toString().substring(0, 6);

    /** A child's birthday this many years before the engine's today (its clock runs ahead in the suite). */
    private String born(int yearsAgo) {
        return today().minusYears(yearsAgo).format(UK_DATE);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(Instant.parse(api.get("admin", "/api/engine/clock").text("now")), UK);
    }

    private String row(String parent, String children, String referred, String step, String worker, String due) {
        return "Import" + tag + "," + parent + ",07700 900555,M14 5AB," + children + ",SCHOOL,Ada Fenwick,Brookside Primary,"
                + referred + ",GOOD_EDUCATION," + step + "," + worker + "," + due + "\n";
    }

    private Response send(String csv, boolean dryRun) {
        return api.postRaw("priya", "/api/import/cases?dryRun=" + dryRun, csv, "text/csv");
    }

    private int referralsOf(String parent) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM referral WHERE parent_name = ?", Integer.class, parent);
    }

    @Test
    void aDryRunNamesEveryBadRowAndImportsNothing() {
        String good = "Jo Import" + tag;
        String referred = today().minusDays(20).format(UK_DATE);
        String csv = HEADER
                + row(good, "Kit Import (" + born(11) + ")", referred, "FIRST_CONTACT", "maya", today().plusDays(3).format(UK_DATE))
                + row("Sam Import" + tag, "Kit Import (31/02/2015)", "yesterday", "TRIAGE", "nobody", "")
                + row("", "Ash Import", referred, "ASSESSMENT", "priya", today().format(UK_DATE));

        Response dry = send(csv, true);

        assertThat(dry.status()).as(dry.raw()).isEqualTo(200);
        List<String> problems = new ArrayList<>();
        dry.body().path("problems").forEach(p -> problems.add(p.path("line").asInt() + " " + p.path("field").asText()));
        assertThat(problems).contains("3 children", "3 referral_date", "3 current_step", "3 worker", "3 step_due",
                "4 parent_name", "4 children", "4 worker").noneMatch(p -> p.startsWith("2 "));
        assertThat(dry.body().path("validRows").asInt()).isOne();
        assertThat(referralsOf(good)).isZero();

        Response refused = send(csv, false);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("detail")).contains("Nothing was imported");
        assertThat(referralsOf(good)).isZero();
        assertThat(api.postRaw("maya", "/api/import/cases?dryRun=true", csv, "text/csv").status()).isEqualTo(403);
    }

    @Test
    void managersHaveAnImportPageAndWorkersDoNot() {
        PageSession.Page page = PageSession.signedIn(port, "priya").get("/import/cases");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Import open cases", "Check the file (dry run)", "/js/case-import.js", "FIRST_CONTACT");
        assertThat(PageSession.signedIn(port, "maya").get("/import/cases").status()).isEqualTo(403);
    }

    @Test
    void importedCasesStandAtTheirStepWithTheSpreadsheetsDueDatesAndWalkOn() {
        LocalDate contactDue = today().plusDays(3);
        LocalDate assessmentDue = today().plusDays(8);
        String referred = today().minusDays(15).format(UK_DATE);
        String csv = HEADER
                + row("Jo Import" + tag, "Kit Import (" + born(11) + "); Ash Import (" + born(8) + ")", referred, "FIRST_CONTACT", "maya",
                        contactDue.format(UK_DATE))
                + row("Sam Import" + tag, "Rowan Import (" + born(7) + ")", referred, "assessment", "tom", assessmentDue.format(UK_DATE));

        Response started = send(csv, false);

        assertThat(started.status()).as(started.raw()).isEqualTo(202);
        String status = started.text("status");
        await().atMost(Duration.ofSeconds(60)).until(() -> "DONE".equals(api.get("priya", status).text("state")));
        JsonNode done = api.get("priya", status).body();
        assertThat(done.path("done").asInt()).isEqualTo(2);
        assertThat(done.path("percent").asInt()).isEqualTo(100);
        String first = done.path("cases").get(0).asText();
        String second = done.path("cases").get(1).asText();

        long contact = api.awaitTask("maya", first, "Task_MakeFirstContact");
        JsonNode task = api.get("maya", "/api/tasks/" + contact).body();
        assertThat(task.path("assignee").asText()).isEqualTo("maya");
        assertThat(Instant.parse(task.path("dueDate").asText())).isEqualTo(contactDue.atTime(LocalTime.of(17, 0)).atZone(UK).toInstant());
        JsonNode firstCase = api.get("priya", "/api/cases/" + first).body();
        assertThat(firstCase.path("status").asText()).isEqualTo("ALLOCATED");
        assertThat(firstCase.path("worker").asText()).isEqualTo("maya");
        assertThat(firstCase.path("deadlines").toString()).contains("firstContact", "caseReview");
        long assess = api.awaitTask("tom", second, "Task_AssessFamily");
        assertThat(Instant.parse(api.get("tom", "/api/tasks/" + assess).text("dueDate")))
                .isEqualTo(assessmentDue.atTime(LocalTime.of(17, 0)).atZone(UK).toInstant());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM journey_entry WHERE case_reference = ? AND summary LIKE 'Case imported%'",
                Integer.class, first)).isOne();

        assertThat(api.completeTask("maya", contact, Map.of("firstContactOutcome", "REACHED", "firstContactDate", today().toString(),
                "firstContactMethod", "PHONE", "firstContactNotes", "Spoke to Jo")).status()).isEqualTo(204);
        api.awaitTask("maya", first, "Task_AssessFamily");
    }
}
