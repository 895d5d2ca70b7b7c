package org.familyjourney.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.familyjourney.support.ApplicationTest;
import org.familyjourney.support.TestApi.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Erasure where the law allows: a declined referral never worked is erased on request; a worked case is refused. */
class ErasureApplicationTest extends ApplicationTest {

    @Autowired
    JdbcTemplate jdbc;

    private String parentName(String reference) {
        return jdbc.queryForObject("""
                SELECT r.parent_name FROM referral r JOIN family_case c ON c.referral_id = r.id WHERE c.reference = ?""",
                String.class, reference);
    }

    @Test
    void aDeclinedReferralIsErasedOnRequestAndTheJourneySaysSoWithoutPersonalData() {
        String reference = api.referFamily("priya");
        String parent = parentName(reference);
        long triage = api.awaitTask("priya", reference, "Task_TriageReferral");
        assertThat(api.completeTask("priya", triage, Map.of("triageDecision", "DECLINE", "triageReason", "Out of area")).status())
                .isEqualTo(204);
        await().atMost(Duration.ofSeconds(30)).until(() -> "DECLINED".equals(api.get("priya", "/api/cases/" + reference).text("status")));

        assertThat(api.post("maya", "/api/cases/" + reference + "/erasure", Map.of("grounds", "FAMILY_REQUEST")).status()).isEqualTo(403);
        Response noGrounds = api.post("admin", "/api/cases/" + reference + "/erasure", Map.of("grounds", "BECAUSE"));
        assertThat(noGrounds.status()).isEqualTo(400);
        assertThat(noGrounds.body().path("errors").findValuesAsText("field")).containsExactly("grounds");

        Response erased = api.post("admin", "/api/cases/" + reference + "/erasure", Map.of("grounds", "FAMILY_REQUEST"));
        assertThat(erased.status()).as(erased.raw()).isEqualTo(200);

        assertThat(parentName(reference)).isEqualTo("[erased]");
        List<Map<String, Object>> entries = jdbc.queryForList(
                "SELECT actor, summary, details FROM journey_entry WHERE case_reference = ? AND kind = 'CASE_ERASED'", reference);
        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.get("actor")).isEqualTo("admin");
            assertThat(e.get("details").toString()).contains("FAMILY_REQUEST");
        });
        assertThat(jdbc.queryForList("SELECT CONCAT(summary, COALESCE(details, '')) FROM journey_entry WHERE case_reference = ?",
                String.class, reference)).noneSatisfy(text -> assertThat(text).contains(parent));
        assertThat(api.post("admin", "/api/cases/" + reference + "/erasure", Map.of("grounds", "FAMILY_REQUEST")).status())
                .isEqualTo(409);
    }

    @Test
    void aCaseWithASafeguardingConcernIsNotErasedAndTheReasonIsGiven() {
        String reference = api.referFamily("priya");
        Response raised = api.post("priya", "/api/cases/" + reference + "/safeguarding-concerns",
                Map.of("category", "NEGLECT", "summary", "Children left alone overnight"));
        assertThat(raised.status()).as(raised.raw()).isIn(201, 202);
        String parent = parentName(reference);

        Response refused = api.post("priya", "/api/cases/" + reference + "/erasure", Map.of("grounds", "FAMILY_REQUEST"));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("detail")).contains("cannot be erased").contains("safeguarding concern");
        assertThat(parentName(reference)).isEqualTo(parent);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM journey_entry WHERE case_reference = ? AND kind = 'CASE_ERASED'",
                Integer.class, reference)).isZero();
    }

    @Test
    void anOpenCaseIsNotErased() {
        String reference = api.referFamily("priya");
        Response refused = api.post("priya", "/api/cases/" + reference + "/erasure", Map.of("grounds", "REFERRER_WITHDREW"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("detail")).contains("only a referral declined or signposted at triage");
    }
}
