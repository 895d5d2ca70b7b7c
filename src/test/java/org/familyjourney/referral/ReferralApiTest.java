package org.familyjourney.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.familyjourney.support.ApplicationTest;
import org.familyjourney.support.TestApi.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Bad referrals get a clear 400 naming every problem, and nothing is stored. */
class ReferralApiTest extends ApplicationTest {

    @Autowired
    JdbcTemplate jdbc;

    private int referrals() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM referral", Integer.class);
    }

    @Test
    void namesEveryBadFieldAndStoresNothing() {
        int before = referrals();
        Map<String, Object> referral = new HashMap<>(api.referral());
        referral.put("source", "CARRIER_PIGEON");
        referral.put("children", List.of(Map.of("name", "", "dateOfBirth", "02/03/2015")));
        referral.put("concerns", List.of("GOOD_EDUCATION", "BAD_LUCK"));
        referral.put("parent", Map.of("name", "A Parent", "email", "not-an-email", "postcode", "XYZ"));

        Response response = api.post("priya", "/api/referrals", referral);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.http().headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body().path("errors").findValuesAsText("field")).containsExactlyInAnyOrder(
                "source", "children[0].name", "children[0].dateOfBirth", "concerns[1]", "parent.email", "parent.postcode");
        assertThat(referrals()).isEqualTo(before);
    }

    @Test
    void missingFieldsAreEachNamed() {
        Response response = api.post("priya", "/api/referrals", Map.of());
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().path("errors").findValuesAsText("field"))
                .contains("source", "referrer", "parent", "children", "concerns", "consent.given");
    }

    @Test
    void wrongTypeIsNamed() {
        Map<String, Object> referral = new HashMap<>(api.referral());
        referral.put("consent", Map.of("given", "perhaps"));
        Response response = api.post("priya", "/api/referrals", referral);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().path("errors").findValuesAsText("field")).containsExactly("consent.given");
    }

    @Test
    void bodyThatIsNotJsonGetsAClearMessage() {
        int before = referrals();
        Response response = api.postRaw("priya", "/api/referrals", "{source: SCHOOL", "application/json");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text("detail")).contains("not valid JSON");
        assertThat(response.raw()).doesNotContain("Exception").doesNotContain("at org.");
        assertThat(referrals()).isEqualTo(before);
    }

    @Test
    void formEncodedBodyIsRefusedWithTheTypeToUse() {
        Response response = api.postRaw("priya", "/api/referrals", "source=SCHOOL", "application/x-www-form-urlencoded");
        assertThat(response.status()).isEqualTo(415);
        assertThat(response.text("detail")).contains("application/json");
    }

    @Test
    void auditorsCannotRefer() {
        assertThat(api.post("alex", "/api/referrals", api.referral()).status()).isEqualTo(403);
    }

    @Test
    void anonymousCallersAreAskedToSignIn() {
        assertThat(api.post(null, "/api/referrals", api.referral()).status()).isEqualTo(401);
    }
}
