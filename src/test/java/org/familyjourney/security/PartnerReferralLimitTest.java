package org.familyjourney.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.familyjourney.support.ApplicationTest;
import org.junit.jupiter.api.Test;

/** The public referral form takes 20 referrals an hour from one address; the 21st is told to wait. */
class PartnerReferralLimitTest extends ApplicationTest {

    @Test
    void theTwentyFirstReferralWithinAnHourFromOneAddressIsTurnedAway() {
        Visitor school = new Visitor(port, "192.0.2.41");
        school.get("/partner/referral");
        for (int i = 0; i < 20; i++) {
            // Incomplete referrals: each counts, none is stored (the form comes back with its problems).
            assertThat(school.postForm("/partner/referral", Map.of("source", "SCHOOL")).statusCode()).isEqualTo(200);
        }

        var turnedAway = school.postForm("/partner/referral", Map.of("source", "SCHOOL"));

        assertThat(turnedAway.statusCode()).isEqualTo(429);
        assertThat(turnedAway.body()).contains("Too many referrals sent from here", "phone us if a child is at risk today");
        assertThat(turnedAway.headers().firstValue("Retry-After")).hasValue("3600");
        assertThat(new Visitor(port, "192.0.2.42").get("/partner/referral").statusCode()).as("the form itself is still shown").isEqualTo(200);
        var elsewhere = new Visitor(port, "192.0.2.43");
        elsewhere.get("/partner/referral");
        assertThat(elsewhere.postForm("/partner/referral", Map.of("source", "SCHOOL")).statusCode()).as("another address").isEqualTo(200);

        api.advanceClock("PT61M");

        assertThat(school.postForm("/partner/referral", Map.of("source", "SCHOOL")).statusCode()).isEqualTo(200);
    }
}
