package org.familyjourney.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.familyjourney.support.ApplicationTest;
import org.familyjourney.support.PageSession;
import org.familyjourney.support.PageSession.Page;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The staff and partner referral pages check exactly like the API and keep what was typed. */
class ReferralPagesTest extends ApplicationTest {

    @Autowired
    JdbcTemplate jdbc;

    private int referrals() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM referral", Integer.class);
    }

    private Map<String, String> goodReferral(String parent) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("source", "SCHOOL");
        form.put("referrer.name", "Ms Ada Fenwick");
        form.put("referrer.organisation", "Brookside Primary");
        form.put("referrer.email", "office@brookside.example");
        form.put("parent.name", parent);
        form.put("parent.phone", "07700 900456");
        form.put("parent.postcode", "M14 5AB");
        form.put("children[0].name", "Kit Pageform");
        form.put("children[0].dateOfBirth", api.childBorn(10));
        form.put("concerns", "GOOD_EDUCATION");
        form.put("details", "Attendance has fallen.");
        form.put("consent.given", "true");
        form.put("consent.by", parent);
        form.put("consent.at", "2026-11-30");
        return form;
    }

    @Test
    void staffReferralOpensACaseAndTheManagerLandsOnIt() {
        PageSession priya = PageSession.signedIn(port, "priya");
        assertThat(priya.get("/referrals/new").body()).contains("New referral").contains("name=\"children[0].name\"");
        Page sent = priya.postForm("/referrals/new", goodReferral("Jo Pageform"));
        assertThat(sent.status()).isEqualTo(302);
        assertThat(sent.location()).contains("/cases/FJ-");
        assertThat(priya.follow(sent).body()).contains("The referral is received").contains("Jo Pageform");
    }

    @Test
    void badReferralShowsEveryProblemBesideItsFieldAndKeepsTheValues() {
        int before = referrals();
        PageSession priya = PageSession.signedIn(port, "priya");
        priya.get("/referrals/new");
        Map<String, String> form = goodReferral("Jo Keepme");
        form.put("parent.postcode", "XYZ");
        form.remove("children[0].dateOfBirth");
        form.put("children[1].name", "");
        form.put("children[2].name", "Second Child");
        form.put("children[2].dateOfBirth", "01/02/2019");

        Page page = priya.postForm("/referrals/new", form);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("There is a problem")
                .contains("href=\"#parent-postcode\"").contains("is not a UK postcode")
                .contains("href=\"#children-0-dateOfBirth\"").contains("href=\"#children-2-dateOfBirth\"")
                .contains("value=\"Jo Keepme\"").contains("value=\"XYZ\"").contains("value=\"Second Child\"")
                .contains("aria-invalid=\"true\"");
        assertThat(referrals()).isEqualTo(before);
    }

    @Test
    void partnerFormIsPublicNeedsItsCsrfTokenAndThanksWithoutCaseData() {
        PageSession school = new PageSession(port);
        Page form = school.get("/partner/referral");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("Refer a family for support").contains("Consent");

        assertThat(new PageSession(port).postRaw("/partner/referral", "source=SCHOOL").status()).isEqualTo(403);

        String parent = "Lee Partnerform" + System.nanoTime(); // the test database outlives a run
        Page sent = school.postForm("/partner/referral", goodReferral(parent));
        assertThat(sent.status()).isEqualTo(302);
        Page thanks = school.follow(sent);
        assertThat(thanks.body()).contains("What happens next").contains("1 working day").doesNotContain("FJ-")
                .doesNotContain(parent);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM referral WHERE parent_name = ? AND received_by = ?",
                Integer.class, parent, PartnerReferralPage.RECEIVED_BY)).isEqualTo(1);
    }

    @Test
    void partnerFormWithoutConsentAnswerIsRefusedWithTheFieldNamed() {
        PageSession school = new PageSession(port);
        school.get("/partner/referral");
        Map<String, String> form = goodReferral("Noconsent Family");
        form.remove("consent.given");
        Page page = school.postForm("/partner/referral", form);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("href=\"#consent-given\"").contains("value=\"Noconsent Family\"");
    }

    @Test
    void anAuditorCannotOpenTheStaffReferralForm() {
        Page page = PageSession.signedIn(port, "alex").get("/referrals/new");
        assertThat(page.status()).isEqualTo(403);
        assertThat(page.body()).contains("You cannot do this");
    }
}
