package org.familyjourney.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.familyjourney.support.ApplicationTest;
import org.familyjourney.support.Downloads;
import org.familyjourney.support.FamilyWalk;
import org.familyjourney.support.PageSession;
import org.familyjourney.support.PageSession.Page;
import org.familyjourney.support.TestApi.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The funder report counts a family walked from referral to closure. The test database holds other
 * families too (it outlives runs), so the test compares the figures before and after its own family.
 */
class FunderReportTest extends ApplicationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aFamilyFromReferralToClosureIsCountedInEveryFigure() {
        LocalDate today = FamilyWalk.today(api);
        String period = "?from=" + today.minusDays(1) + "&to=" + today.plusDays(7);
        JsonNode before = report(period);
        FamilyWalk family = FamilyWalk.refer(api, "maya");
        family.triageAndAllocate().firstContact().session(45).assessAndPlan().closeAndApprove();
        JsonNode after = report(period);

        assertThat(count(after, "referralsBySource", "SCHOOL") - count(before, "referralsBySource", "SCHOOL")).isEqualTo(1);
        assertThat(count(after, "triage", "ACCEPT") - count(before, "triage", "ACCEPT")).isEqualTo(1);
        assertThat(after.path("firstContact").path("families").asLong() - before.path("firstContact").path("families").asLong()).isEqualTo(1);
        assertThat(after.path("firstContact").path("target").asText()).isEqualTo("2 working days");
        assertThat(after.path("firstContact").path("percentWithinTarget").asDouble()).isBetween(0.0, 100.0);
        assertThat(after.path("sessions").path("count").asLong() - before.path("sessions").path("count").asLong()).isEqualTo(1);
        assertThat(after.path("sessions").path("minutes").asLong() - before.path("sessions").path("minutes").asLong()).isEqualTo(45);
        assertThat(count(after, "closuresByReason", "GOALS_MET") - count(before, "closuresByReason", "GOALS_MET")).isEqualTo(1);
        assertThat(families(after, "GOOD_EDUCATION") - families(before, "GOOD_EDUCATION")).isEqualTo(1);
        assertThat(families(after, "FAMILY_RELATIONSHIPS") - families(before, "FAMILY_RELATIONSHIPS")).isEqualTo(1);
        JsonNode education = outcome(after, "GOOD_EDUCATION");
        assertThat(education.path("change").asDouble()).isEqualTo(education.path("closing").asDouble() - education.path("assessed").asDouble(),
                org.assertj.core.data.Offset.offset(0.011));
    }

    @Test
    void referralsReceivedInThePeriodAreCountedBySource() {
        FamilyWalk family = FamilyWalk.refer(api, "maya");
        LocalDate today = family.today();
        JsonNode report = report("?from=" + today + "&to=" + today);
        assertThat(count(report, "referralsBySource", "SCHOOL")).isPositive();
        assertThat(report(("?from=" + today.minusYears(30) + "&to=" + today.minusYears(29))).path("referralsBySource")).isEmpty();
    }

    @Test
    void csvHasOneRowPerFigure() {
        LocalDate today = FamilyWalk.refer(api, "maya").today();
        HttpResponse<byte[]> csv = new Downloads(port).get("alex", "/api/reports/funder.csv?from=" + today + "&to=" + today);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).contains("funder-report-" + today + "-to-" + today + ".csv");
        List<String> lines = Arrays.asList(new String(csv.body(), StandardCharsets.UTF_8).split("\r\n"));
        assertThat(lines.getFirst()).isEqualTo("section,item,measure,value");
        assertThat(lines).contains("period,from,date," + today).anyMatch(l -> l.startsWith("referrals by source,SCHOOL,referrals,"))
                .anyMatch(l -> l.startsWith("first contact,median from allocation,working days,"))
                .anyMatch(l -> l.startsWith("1:1 sessions,all,minutes,")).anyMatch(l -> l.startsWith("school meetings,held,meetings,"));
        assertThat(lines.stream().skip(1)).allMatch(l -> l.split(",", -1).length >= 4);
    }

    @Test
    void pdfIsMadeByAJobAndHoldsTheFigures() {
        LocalDate today = FamilyWalk.refer(api, "maya").today();
        HttpResponse<byte[]> pdf = new Downloads(port).byJob("alex", "/api/reports/funder.pdf?from=" + today + "&to=" + today);
        String text = Downloads.pdfText(pdf.body());
        assertThat(text).contains("Funder report " + today + " to " + today).contains("Referrals by source").contains("SCHOOL")
                .contains("Time to first contact").contains("1:1 sessions delivered").contains("Closures by reason")
                .contains("Outcome scores");
    }

    @Test
    void badDatesAreRefusedNamingTheField() {
        Response bad = api.get("alex", "/api/reports/funder?from=2026-13-01&to=yesterday");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().path("errors").findValuesAsText("field")).containsExactly("from", "to");
        Response backwards = api.get("alex", "/api/reports/funder?from=2026-12-31&to=2026-01-01");
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.body().path("errors").findValuesAsText("field")).containsExactly("to");
        assertThat(api.get("alex", "/api/reports/funder.csv?from=nope").status()).isEqualTo(400);
        assertThat(api.get("alex", "/api/reports/funder.pdf?to=nope").status()).isEqualTo(400);
    }

    @Test
    void theReportPageShowsABadDateBesideItsField() {
        Page page = PageSession.signedIn(port, "alex").get("/reports/funder?from=31%2F12%2F2026&to=2026-12-31");
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.body()).contains("There is a problem").contains("From is not a date like 2026-12-01")
                .doesNotContain("id=\"chart-referrals\"");
    }

    @Test
    void lookingAtTheReportIsInTheAccessLog() {
        long before = reportViews();
        PageSession.signedIn(port, "alex").get("/reports/funder");
        api.get("alex", "/api/reports/funder");
        assertThat(reportViews() - before).isEqualTo(2);
        assertThat(api.get("maya", "/api/reports/funder").status()).isEqualTo(403);
    }

    @Test
    void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertThat(FunderReports.median(List.of(4, 1, 3, 2))).isEqualTo(2.5);
        assertThat(FunderReports.median(List.of(5, 1, 3))).isEqualTo(3.0);
        assertThat(FunderReports.median(List.of())).isNull();
    }

    private long reportViews() {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM access_log WHERE case_reference IS NULL AND username = 'alex' AND what LIKE 'funder report%'",
                Long.class);
        return count == null ? 0 : count;
    }

    private JsonNode report(String period) {
        Response response = api.get("alex", "/api/reports/funder" + period);
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        return response.body();
    }

    private static long count(JsonNode report, String figure, String key) {
        for (JsonNode count : report.path(figure)) {
            if (key.equals(count.path("key").asText())) {
                return count.path("count").asLong();
            }
        }
        return 0;
    }

    private static JsonNode outcome(JsonNode report, String headline) {
        for (JsonNode outcome : report.path("outcomes")) {
            if (headline.equals(outcome.path("headline").asText())) {
                return outcome;
            }
        }
        return report.path("no such headline");
    }

    private static long families(JsonNode report, String headline) {
        return outcome(report, headline).path("families").asLong(0);
    }
}
