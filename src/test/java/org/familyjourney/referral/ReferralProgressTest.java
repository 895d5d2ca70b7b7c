package org.familyjourney.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.familyjourney.support.ApplicationTest;
import org.familyjourney.support.TestApi.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A caller told "received, its case is being opened" (202) can find out where its referral went:
 * it asks at the Location given until the case is open, and nobody else learns anything from an id.
 */
class ReferralProgressTest extends ApplicationTest {

    @Autowired
    ReferralRepository referrals;

    @Test
    void theSenderLearnsTheCaseItOpened() {
        Response sent = api.post("priya", "/api/referrals", api.referral());
        assertThat(sent.status()).isEqualTo(201);
        long id = sent.body().path("referralId").asLong();

        Response asked = api.get("priya", "/api/referrals/" + id);

        assertThat(asked.status()).isEqualTo(200);
        assertThat(asked.text("caseReference")).isEqualTo(sent.text("caseReference"));
    }

    @Test
    void aReferralNotYetOpenedIsAskedAgainAtItsLocation() {
        // Stored as intake stores it, before its journey has opened the case (as during an engine recycle).
        Referral waiting = referrals.save(new Referral(null, Instant.now(), "priya", ReferralSource.SCHOOL,
                new Referral.Referrer("Ms Example Teacher", "Fictional Primary", "teacher@example.org", null),
                new Referral.Parent("Pat Example", null, null, null, null),
                List.of(new Referral.Child("Robin Example", LocalDate.now().minusYears(8), "Fictional Primary")),
                Set.of(new Referral.ConcernRef(Concern.GOOD_EDUCATION)), "Misses school on Mondays",
                new Referral.Consent(true, "Pat Example", Instant.now().minusSeconds(60)), null, null));

        Response asked = api.get("priya", "/api/referrals/" + waiting.id());

        assertThat(asked.status()).isEqualTo(202);
        assertThat(asked.http().headers().firstValue("Location")).hasValue("/api/referrals/" + waiting.id());
        assertThat(asked.http().headers().firstValue("Retry-After")).isPresent();
        assertThat(asked.text("message")).contains("being opened");
    }

    @Test
    void nobodyElseLearnsWhetherAReferralExists() {
        Response sent = api.post("priya", "/api/referrals", api.referral());
        long id = sent.body().path("referralId").asLong();

        // sol works in another team and has nothing to do with the family; admin may refer but not read cases.
        Response other = api.get("sol", "/api/referrals/" + id);
        Response none = api.get("sol", "/api/referrals/999999999");
        assertThat(other.status()).isEqualTo(404);
        assertThat(none.status()).isEqualTo(404);
        assertThat(other.text("detail")).isEqualTo(none.text("detail").replace("999999999", String.valueOf(id)));
        assertThat(api.get("admin", "/api/referrals/" + id).status()).isEqualTo(404);
        assertThat(api.get("alex", "/api/referrals/" + id).status()).isEqualTo(403);
        assertThat(api.get("priya", "/api/referrals/not-a-number").status()).isEqualTo(400);
    }
}
