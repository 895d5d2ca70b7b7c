package org.familyjourney.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.StreamSupport;
import org.familyjourney.security.Role;
import org.familyjourney.security.StaffDirectory;
import org.familyjourney.security.Teams;
import org.familyjourney.support.ApplicationTest;
import org.familyjourney.support.FamilyWalk;
import org.familyjourney.support.TestApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * An escalation on a restricted record that names no manager (its restricting manager has left) still
 * reaches someone: the safeguarding leads named on it, or, if nobody who may act is named, every
 * safeguarding lead by an email that says nothing of the case. The journey says who was told.
 */
class RestrictedRecordEscalationTest extends ApplicationTest {

    private static final AtomicInteger MANAGERS = new AtomicInteger();

    @Autowired
    StaffDirectory staff;

    @Autowired
    Teams teams;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anOverdueStepOnARestrictedRecordNamingNoManagerIsEscalatedToTheSafeguardingLeads() throws Exception {
        // One restricted record names dev; the other names nobody who may act once its manager has left.
        FamilyWalk namingDev = restrictedByALeavingManager(List.of("dev"));
        FamilyWalk namingNobody = restrictedByALeavingManager(List.of());
        int contentFreeToDevBefore = contentFreeTo("dev@family-journey.example");

        api.moveClockTo(escalateAt(namingDev.reference()).isAfter(escalateAt(namingNobody.reference()))
                ? escalateAt(namingDev.reference()) : escalateAt(namingNobody.reference()));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(escalationMailsAbout(namingDev.reference())).extracting(m -> m.getAllRecipients()[0].toString())
                    .containsExactly("dev@family-journey.example");
            assertThat(contentFreeTo("dev@family-journey.example")).isGreaterThan(contentFreeToDevBefore);
            assertThat(jdbc.queryForList("SELECT recipient FROM notification WHERE case_reference = ? AND subject = ? AND status = 'SENT'",
                    String.class, namingNobody.reference(), RaiseEscalationWorker.NOBODY_SUBJECT)).contains("dev@family-journey.example");
        });
        assertThat(escalationMailsAbout(namingNobody.reference())).as("no email names the family's case to people not named on it").isEmpty();
        for (MimeMessage mail : MAIL.getReceivedMessages()) {
            if (RaiseEscalationWorker.NOBODY_SUBJECT.equals(mail.getSubject())) {
                assertThat(mail.getContent().toString()).doesNotContain("FJ-").doesNotContain("Testfamily")
                        .contains(RaiseEscalationWorker.NOBODY_SUBJECT);
            }
        }
        String devBody = escalationMailsAbout(namingDev.reference()).get(0).getContent().toString();
        assertThat(devBody).contains(namingDev.reference()).doesNotContain("Testfamily").doesNotContain("Brookside");

        assertThat(raised(namingDev.reference())).extracting(e -> e.path("summary").asText()).singleElement().asString()
                .startsWith("Escalated to the safeguarding leads named on the restricted record (no manager is named on it): ");
        assertThat(raised(namingDev.reference()).get(0).path("details").asText()).contains("\"told\":[\"dev\"]");
        JsonNode toEveryLead = raised(namingNobody.reference()).get(0);
        assertThat(toEveryLead.path("summary").asText()).startsWith("Escalated to every safeguarding lead, without the case's details");
        assertThat(toEveryLead.path("details").asText()).contains("\"dev\"").contains("every safeguarding lead");
    }

    /** A family allocated to maya, whose record a North manager restricts (naming people) and who then leaves. */
    private FamilyWalk restrictedByALeavingManager(List<String> people) {
        String manager = "tm" + (System.nanoTime() % 100_000) + "-" + MANAGERS.incrementAndGet();
        staff.createIfAbsent(manager, "Lee Leaving", manager + "@family-journey.example", passwords.encode(TestApi.PASSWORD),
                List.of(Role.MANAGER));
        teams.place(manager, "North");
        FamilyWalk family = FamilyWalk.refer(api, "maya").triageAndAllocate();
        family.task("maya", "Task_MakeFirstContact");
        var restricted = api.post(manager, "/api/cases/" + family.reference() + "/restriction",
                people.isEmpty() ? Map.of("reason", "Parent fled domestic abuse") : Map.of("reason", "Parent fled domestic abuse", "people", people));
        assertThat(restricted.status()).as(restricted.raw()).isEqualTo(200);
        assertThat(staff.setEnabled(manager, false)).isTrue();
        return family;
    }

    private Instant escalateAt(String reference) {
        for (JsonNode deadline : api.get("maya", "/api/cases/" + reference).body().path("deadlines")) {
            if ("firstContact".equals(deadline.path("name").asText())) {
                return Instant.parse(deadline.path("escalateAt").asText());
            }
        }
        throw new AssertionError("No first-contact deadline on " + reference);
    }

    private List<JsonNode> raised(String reference) {
        return StreamSupport.stream(api.get("maya", "/api/cases/" + reference + "/journey").body().spliterator(), false)
                .filter(e -> "ESCALATION_RAISED".equals(e.path("kind").asText())).toList();
    }

    private static List<MimeMessage> escalationMailsAbout(String reference) {
        return Arrays.stream(MAIL.getReceivedMessages()).filter(m -> subject(m).startsWith("Escalation") && subject(m).contains(reference)).toList();
    }

    private static int contentFreeTo(String address) {
        return (int) Arrays.stream(MAIL.getReceivedMessages()).filter(m -> RaiseEscalationWorker.NOBODY_SUBJECT.equals(subject(m)))
                .filter(m -> {
                    try {
                        return m.getAllRecipients()[0].toString().equals(address);
                    } catch (MessagingException e) {
                        return false;
                    }
                }).count();
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject() == null ? "" : mail.getSubject();
        } catch (MessagingException e) {
            return "";
        }
    }
}
