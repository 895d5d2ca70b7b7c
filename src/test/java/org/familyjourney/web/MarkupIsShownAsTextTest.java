package org.familyjourney.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.familyjourney.support.ApplicationTest;
import org.familyjourney.support.PageSession;
import org.familyjourney.support.TestApi.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Free text with markup is kept exactly as typed and shown as text: no element is ever made from it. */
class MarkupIsShownAsTextTest extends ApplicationTest {

    private static final String SCRIPT = "<script>alert(1)</script>";
    private static final String IMAGE = "<img src=x onerror=alert(2)>";

    @Autowired
    JdbcTemplate jdbc;

    @Test
    @SuppressWarnings("unchecked")
    void markupInAReferralIsStoredAsTextAndTheCasePageShowsItEscaped() {
        Map<String, Object> referral = new HashMap<>(api.referral());
        referral.put("details", "Mum wrote: " + SCRIPT + " and " + IMAGE);
        Map<String, Object> child = new HashMap<>(((List<Map<String, Object>>) referral.get("children")).getFirst());
        child.put("school", "Brookside " + IMAGE);
        referral.put("children", List.of(child));
        Response created = api.post("priya", "/api/referrals", referral);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String reference = created.text("caseReference");

        assertThat(jdbc.queryForObject("""
                SELECT r.details FROM referral r JOIN family_case c ON c.referral_id = r.id WHERE c.reference = ?""",
                String.class, reference)).isEqualTo("Mum wrote: " + SCRIPT + " and " + IMAGE);

        String page = PageSession.signedIn(port, "priya").get("/cases/" + reference).body();
        assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt;").contains("&lt;img src=x onerror=alert(2)&gt;")
                .doesNotContain(SCRIPT).doesNotContain("<img src=x").doesNotContain("onerror=alert(2)>");
    }
}
