package org.familyjourney.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.familyjourney.processes.SafeguardingIds.Elements;
import org.familyjourney.security.Role;
import org.familyjourney.security.StaffDirectory;
import org.familyjourney.support.ApplicationTest;
import org.familyjourney.support.CaseWalk;
import org.familyjourney.support.PageSession;
import org.familyjourney.support.PageSession.Page;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The case page's "Restricted record" card: a manager restricts the record there, names more people,
 * and a safeguarding lead lifts it; work and safeguarding alerts follow who is named.
 */
class RestrictedRecordPageTest extends ApplicationTest {

    private static final String REASON = "Parent has fled domestic abuse; the new address must not be disclosed";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    StaffDirectory staff;

    @Autowired
    PasswordEncoder passwords;

    private Page restrictOnThePage(PageSession manager, String reference, Map<String, String> form) {
        assertThat(manager.get("/cases/" + reference).body()).contains("Restrict the record");
        return manager.postForm("/cases/" + reference + "/restriction", form);
    }

    private List<String> journeyKinds(String reference, String kind) {
        return jdbc.queryForList("SELECT actor FROM journey_entry WHERE case_reference = ? AND kind = ? ORDER BY id", String.class,
                reference, kind);
    }

    private int restrictions(String reference) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM case_restriction WHERE case_reference = ?", Integer.class, reference);
    }

    @Test
    void aManagerRestrictsTheRecordOnTheCasePageAndTheRestOfTheTeamNoLongerSeesIt() {
        String reference = CaseWalk.allocatedTo(api, "maya").reference;
        PageSession priya = PageSession.signedIn(port, "priya");
        assertThat(PageSession.signedIn(port, "grace").get("/cases/" + reference).status()).isEqualTo(200);
        // The case worker and the manager restricting are named anyway: the form does not offer them.
        assertThat(priya.get("/cases/" + reference).body()).contains("name=\"people\" value=\"alex\"")
                .doesNotContain("name=\"people\" value=\"maya\"").doesNotContain("name=\"people\" value=\"priya\"");

        Page posted = restrictOnThePage(priya, reference, Map.of("reason", REASON, "people", "alex"));

        assertThat(posted.status()).isEqualTo(302);
        assertThat(posted.location()).endsWith("/cases/" + reference + "#restriction");
        Page page = priya.follow(posted);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Restricted record:").contains(REASON.replace("'", "&#39;")).contains("by priya on")
                .contains("<li>alex</li>", "<li>maya</li>", "<li>priya</li>").contains("Name more people")
                .doesNotContain("Lift the restriction").doesNotContain("??");
        assertThat(page.body().indexOf("Restricted record:")).as("the banner is near the top").isLessThan(page.body().indexOf("case-grid"));
        assertThat(PageSession.signedIn(port, "grace").get("/cases/" + reference).status()).isEqualTo(404);
        assertThat(PageSession.signedIn(port, "maya").get("/cases/" + reference).body()).contains("Restricted record:")
                .doesNotContain("Name more people");
        assertThat(journeyKinds(reference, "RECORD_RESTRICTED")).containsExactly("priya");
    }

    @Test
    void aMissingReasonOrUnknownPersonIsShownBesideTheFieldAndNothingIsStored() {
        String reference = CaseWalk.allocatedTo(api, "maya").reference;
        PageSession priya = PageSession.signedIn(port, "priya");

        Page noReason = restrictOnThePage(priya, reference, Map.of("reason", "  ", "people", "alex"));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body()).contains("id=\"restriction-reason-error\"").contains("is required: say why the record is restricted")
                .contains("aria-invalid=\"true\"").doesNotContain("Restricted record:");
        Page nobody = priya.postForm("/cases/" + reference + "/restriction", Map.of("reason", REASON, "people", "no-such-person"));
        assertThat(nobody.status()).isEqualTo(400);
        assertThat(nobody.body()).contains("id=\"restriction-people-error\"").contains("names no staff member called no-such-person")
                .contains(REASON.replace("'", "&#39;"));
        var api400 = api.post("priya", "/api/cases/" + reference + "/restriction", Map.of("reason", ""));
        assertThat(api400.status()).isEqualTo(400);
        assertThat(api400.http().headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");

        assertThat(restrictions(reference)).isZero();
        assertThat(journeyKinds(reference, "RECORD_RESTRICTED")).isEmpty();
        assertThat(PageSession.signedIn(port, "grace").get("/cases/" + reference).status()).isEqualTo(200);
    }

    @Test
    void aNamedManagerNamesMorePeopleOnTheCard() {
        String reference = CaseWalk.allocatedTo(api, "maya").reference;
        PageSession priya = PageSession.signedIn(port, "priya");
        restrictOnThePage(priya, reference, Map.of("reason", REASON));
        assertThat(PageSession.signedIn(port, "tom").get("/cases/" + reference).status()).isEqualTo(404);

        Page none = priya.postForm("/cases/" + reference + "/restriction", Map.of());
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.body()).contains("id=\"restriction-people-error\"").contains("choose at least one person");
        Page named = priya.postForm("/cases/" + reference + "/restriction", Map.of("people", "tom"));

        assertThat(named.status()).isEqualTo(302);
        assertThat(priya.follow(named).body()).contains("<li>tom</li>");
        assertThat(PageSession.signedIn(port, "tom").get("/cases/" + reference).status()).isEqualTo(200);
        assertThat(journeyKinds(reference, "RECORD_RESTRICTED")).containsExactly("priya", "priya");
    }

    @Test
    void aSafeguardingLeadNamedOnTheRecordLiftsItWithAReasonAndTheTeamSeesItAgain() {
        String reference = CaseWalk.allocatedTo(api, "maya").reference;
        restrictOnThePage(PageSession.signedIn(port, "priya"), reference, Map.of("reason", REASON, "people", "dev"));
        PageSession dev = PageSession.signedIn(port, "dev");
        assertThat(dev.get("/cases/" + reference).body()).contains("Lift the restriction");

        Page noReason = dev.postForm("/cases/" + reference + "/restriction/lift", Map.of("reason", ""));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body()).contains("id=\"lift-reason-error\"").contains("is required: say why the restriction is lifted");
        assertThat(restrictions(reference)).isOne();
        Page lifted = dev.postForm("/cases/" + reference + "/restriction/lift", Map.of("reason", "Family rehoused; the risk has passed"));

        assertThat(lifted.status()).isEqualTo(302);
        // The case has no safeguarding concern: without the restriction, it is not the lead's to read.
        assertThat(lifted.location()).endsWith("/tasks");
        assertThat(restrictions(reference)).isZero();
        Map<String, Object> entry = jdbc.queryForMap("""
                SELECT id, actor, details FROM journey_entry WHERE case_reference = ? AND kind = 'RECORD_RESTRICTION_LIFTED'""", reference);
        assertThat(entry.get("actor")).isEqualTo("dev");
        // The reason tells of the family: beside the hashed entry, where anonymisation reaches it.
        assertThat(entry.get("details").toString()).contains("wasNamed", "maya").doesNotContain("Family rehoused");
        assertThat(jdbc.queryForObject("SELECT content FROM journey_entry_text WHERE entry_id = ?", String.class, entry.get("id")))
                .contains("Family rehoused");
        assertThat(PageSession.signedIn(port, "grace").get("/cases/" + reference).body()).doesNotContain("Restricted record:")
                .contains("Not restricted");
        assertThat(api.get("alex", "/api/cases/" + reference).status()).isEqualTo(200);
        assertThat(api.get("priya", "/api/cases/" + reference + "/restriction").body().path("restricted").asBoolean()).isFalse();
    }

    @Test
    void onlyASafeguardingLeadLifts() {
        String reference = CaseWalk.allocatedTo(api, "maya").reference;
        PageSession priya = PageSession.signedIn(port, "priya");
        restrictOnThePage(priya, reference, Map.of("reason", REASON, "people", "dev"));

        assertThat(priya.postForm("/cases/" + reference + "/restriction/lift", Map.of("reason", "No longer needed")).status()).isEqualTo(403);
        assertThat(api.post("priya", "/api/cases/" + reference + "/restriction/lift", Map.of("reason", "No longer needed")).status())
                .isEqualTo(403);
        assertThat(api.post("maya", "/api/cases/" + reference + "/restriction/lift", Map.of("reason", "No longer needed")).status())
                .isEqualTo(403);
        var noReason = api.post("dev", "/api/cases/" + reference + "/restriction/lift", Map.of());
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.raw()).contains("reason");
        assertThat(restrictions(reference)).isOne();

        var lifted = api.post("dev", "/api/cases/" + reference + "/restriction/lift", Map.of("reason", "Risk has passed"));
        assertThat(lifted.status()).as(lifted.raw()).isEqualTo(200);
        assertThat(lifted.body().path("restricted").asBoolean()).isFalse();
        assertThat(api.post("dev", "/api/cases/" + reference + "/restriction/lift", Map.of("reason", "Again")).status())
                .as("not restricted any more: nothing to lift, or not the lead's to read").isIn(404, 409);
    }

    @Test
    void aRecordRestrictedBeforeAllocationNamesTheWorkerItIsAllocatedTo() {
        String reference = api.referFamily("priya");
        api.awaitTask("priya", reference, "Task_TriageReferral");
        assertThat(api.post("priya", "/api/cases/" + reference + "/restriction", Map.of("reason", REASON)).status()).isEqualTo(200);

        CaseWalk.allocatedTo(api, reference, "maya");

        long firstContact = api.awaitTask("maya", reference, "Task_MakeFirstContact");
        assertThat(api.get("maya", "/api/cases/" + reference).status()).isEqualTo(200);
        assertThat(api.get("maya", "/api/tasks/" + firstContact).text("assignee")).isEqualTo("maya");
        assertThat(api.get("grace", "/api/cases/" + reference).status()).isEqualTo(404);
    }

    @Test
    void aTaskGivenToSomeoneOnARestrictedRecordNamesThem() {
        String reference = CaseWalk.allocatedTo(api, "maya").reference;
        long task = api.awaitTask("maya", reference, "Task_MakeFirstContact");
        assertThat(api.post("priya", "/api/cases/" + reference + "/restriction", Map.of("reason", REASON)).status()).isEqualTo(200);
        assertThat(api.get("tom", "/api/tasks/" + task).status()).isEqualTo(404);

        assertThat(api.post("priya", "/api/tasks/" + task + "/assign", Map.of("assignee", "tom")).status()).isEqualTo(204);

        assertThat(api.get("tom", "/api/tasks/" + task).text("assignee")).isEqualTo("tom");
        assertThat(api.get("tom", "/api/cases/" + reference).status()).isEqualTo(200);
        assertThat(api.get("priya", "/api/cases/" + reference + "/restriction").body().path("people").toString()).contains("tom");
    }

    @Test
    void theDslAlertOnARestrictedRecordGoesOnlyToTheLeadsNamedOnIt() {
        String second = lead();
        try {
            String reference = CaseWalk.allocatedTo(api, "maya").reference;
            assertThat(api.post("priya", "/api/cases/" + reference + "/restriction",
                    Map.of("reason", REASON, "people", List.of(second))).status()).isEqualTo(200);

            raiseConcern(reference);

            long decide = api.awaitTask(second, reference, Elements.DECIDE_ON_CONCERN);
            await().atMost(Duration.ofSeconds(30)).until(() -> alertRecipients(reference).contains(second + "@family-journey.example"));
            assertThat(alertRecipients(reference)).containsExactly(second + "@family-journey.example");
            assertThat(notified(reference, "dev@family-journey.example")).as("dev is not named on it").isZero();
            assertThat(api.get("dev", "/api/tasks/" + decide).status()).isEqualTo(404);
        } finally {
            staff.setEnabled(second, false);
        }
    }

    @Test
    void aConcernOnARestrictedRecordThatNamesNoLeadNamesEveryLead() {
        String second = lead();
        try {
            String reference = CaseWalk.allocatedTo(api, "maya").reference;
            assertThat(api.post("priya", "/api/cases/" + reference + "/restriction", Map.of("reason", REASON)).status()).isEqualTo(200);

            raiseConcern(reference);

            long decide = api.awaitTask("dev", reference, Elements.DECIDE_ON_CONCERN);
            await().atMost(Duration.ofSeconds(30)).until(() -> alertRecipients(reference).size() == 2);
            assertThat(alertRecipients(reference)).containsExactlyInAnyOrder("dev@family-journey.example", second + "@family-journey.example");
            assertThat(api.get(second, "/api/tasks/" + decide).status()).isEqualTo(200);
            assertThat(api.get("grace", "/api/cases/" + reference).status()).as("still restricted").isEqualTo(404);
            assertThat(journeyKinds(reference, "RECORD_RESTRICTED")).containsExactly("priya", "system");
        } finally {
            staff.setEnabled(second, false);
        }
    }

    /** A second safeguarding lead with an email, disabled again after the test so that other tests' alerts go to dev alone. */
    private String lead() {
        String username = "lead-" + Long.toString(System.nanoTime(), 36);
        staff.createIfAbsent(username, "Second Lead", username + "@family-journey.example", passwords.encode("family-journey"),
                List.of(Role.SAFEGUARDING_LEAD));
        return username;
    }

    private void raiseConcern(String reference) {
        var raised = api.post("maya", "/api/cases/" + reference + "/safeguarding-concerns",
                Map.of("summary", "Kit said he is scared to go home.", "category", "DOMESTIC_ABUSE"));
        assertThat(raised.status()).as(raised.raw()).isEqualTo(201);
    }

    private List<String> alertRecipients(String reference) {
        return Arrays.stream(MAIL.getReceivedMessages()).filter(m -> {
            try {
                return m.getSubject().startsWith("Safeguarding concern") && m.getSubject().contains(reference);
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).map(m -> {
            try {
                return m.getAllRecipients()[0].toString();
            } catch (jakarta.mail.MessagingException e) {
                return "";
            }
        }).toList();
    }

    private int notified(String reference, String recipient) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM notification WHERE case_reference = ? AND recipient = ?", Integer.class,
                reference, recipient);
    }
}
