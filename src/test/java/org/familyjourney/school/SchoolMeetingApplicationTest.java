package org.familyjourney.school;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.client.CamundaClient;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.familyjourney.processes.SchoolAdvocacyIds;
import org.familyjourney.processes.SchoolAdvocacyIds.Elements;
import org.familyjourney.support.ApplicationTest;
import org.familyjourney.support.RedeliveredJob;
import org.familyjourney.support.TestApi.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** A school advocacy meeting on the real app: calendar invitations by email, redelivery, and the recorded outcome. */
class SchoolMeetingApplicationTest extends ApplicationTest {

    private static final ZoneId UK = ZoneId.of("Europe/London");

    @Autowired
    CamundaClient client;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SendMeetingInvitationsWorker invitations;

    private final String tag = UUID.randomUUID().toString().substring(0, 8);
    private final String school = "Oakfield Academy " + tag;
    private final String schoolContact = "head.of.year." + tag + "@oakfield.example";
    private final String parentEmail = "parent." + tag + "@family.example";

    /** A family whose parent gave an email address, referred by a manager. */
    private String referFamilyWithParentEmail() {
        Map<String, Object> referral = new HashMap<>(api.referral());
        Map<String, Object> parent = new HashMap<>((Map<String, Object>) referral.get("parent"));
        parent.put("email", parentEmail);
        referral.put("parent", parent);
        Response created = api.post("priya", "/api/referrals", referral);
        assertThat(created.status()).isEqualTo(201);
        return created.text("caseReference");
    }

    private long startSchoolAdvocacy(String caseReference) {
        return client.newCreateInstanceCommand().bpmnProcessId(SchoolAdvocacyIds.PROCESS).latestVersion()
                .variables(Map.of("caseReference", caseReference, "allocatedWorker", "maya")).send().join()
                .getProcessInstanceKey();
    }

    private Map<String, Object> meeting(LocalDate day) {
        Map<String, Object> answers = new HashMap<>();
        answers.put("schoolName", school);
        answers.put("schoolContactName", "Mr Lee Okoro");
        answers.put("schoolContactEmail", schoolContact);
        answers.put("meetingDate", day.toString());
        answers.put("meetingStartTime", "10:00");
        answers.put("meetingDurationMinutes", 45);
        answers.put("meetingPlace", school + ", meeting room 2");
        answers.put("meetingPurpose", "TRUANCY_LETTERS");
        answers.put("inviteParent", "yes");
        return answers;
    }

    private Instant engineNow() {
        return Instant.parse(api.get("admin", "/api/engine/clock").text("now"));
    }

    private List<MimeMessage> mailsTo(String recipient) {
        return Arrays.stream(MAIL.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).map(Address::toString).anyMatch(recipient::equals);
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).toList();
    }

    private static String calendarOf(MimeMessage message) throws Exception {
        Multipart parts = (Multipart) message.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (part.getContentType().toLowerCase().startsWith("text/calendar")) {
                assertThat(part.getContentType().toLowerCase()).contains("method=request");
                assertThat(part.getFileName()).endsWith(".ics");
                return new String(part.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("No text/calendar part in '" + message.getSubject() + "'");
    }

    private static String field(String ics, String name) {
        return Arrays.stream(ics.replace("\r\n ", "").split("\r\n")).filter(l -> l.startsWith(name + ":") || l.startsWith(name + ";"))
                .map(l -> l.substring(l.indexOf(':') + 1)).findFirst().orElseThrow(() -> new AssertionError("No " + name + " in\n" + ics));
    }

    @Test
    void invitationsCarryACalendarRequestForTheSchoolTheParentAndTheWorker() throws Exception {
        String reference = referFamilyWithParentEmail();
        startSchoolAdvocacy(reference);
        LocalDate day = LocalDate.ofInstant(engineNow(), UK).plusDays(2);
        long arrange = api.awaitTask("maya", reference, Elements.ARRANGE_SCHOOL_MEETING);
        assertThat(api.get("maya", "/api/tasks/" + arrange).text("formId")).isEqualTo(SchoolAdvocacyIds.Forms.ARRANGE_SCHOOL_MEETING);

        assertThat(api.completeTask("maya", arrange, meeting(day)).status()).isEqualTo(204);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(mailsTo(schoolContact)).hasSize(1);
            assertThat(mailsTo(parentEmail)).hasSize(1);
            assertThat(mailsTo("maya@family-journey.example").stream().filter(this::aboutThisSchool)).hasSize(1);
        });
        String expectedStart = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC)
                .format(day.atTime(LocalTime.of(10, 0)).atZone(UK).toInstant());
        String expectedEnd = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC)
                .format(day.atTime(LocalTime.of(10, 45)).atZone(UK).toInstant());
        String toSchool = calendarOf(mailsTo(schoolContact).getFirst());
        String toParent = calendarOf(mailsTo(parentEmail).getFirst());
        assertThat(field(toSchool, "METHOD")).isEqualTo("REQUEST");
        assertThat(field(toSchool, "DTSTART")).isEqualTo(expectedStart);
        assertThat(field(toSchool, "DTEND")).isEqualTo(expectedEnd);
        assertThat(field(toSchool, "ATTENDEE")).isEqualTo("mailto:" + schoolContact);
        assertThat(field(toSchool, "ORGANIZER")).isEqualTo("mailto:maya@family-journey.example");
        assertThat(field(toParent, "UID")).isEqualTo(field(toSchool, "UID"));
        // The school's invitation does not give away the parent's email address.
        assertThat(toSchool).doesNotContain(parentEmail);
        assertThat(mailsTo(schoolContact).getFirst().getSubject()).contains(reference);

        JsonNode meetings = api.get("maya", "/api/cases/" + reference + "/school-meetings").body();
        assertThat(meetings.path("meetings")).hasSize(1);
        assertThat(meetings.path("meetings").get(0).path("state").asText()).isEqualTo("ARRANGED");
        assertThat(meetings.path("held").asInt()).isZero();
    }

    private boolean aboutThisSchool(MimeMessage message) {
        try {
            return message.getSubject().contains(school);
        } catch (jakarta.mail.MessagingException e) {
            return false;
        }
    }

    @Test
    void redeliveredInvitationJobSendsNothingTwice() throws Exception {
        String reference = referFamilyWithParentEmail();
        startSchoolAdvocacy(reference);
        LocalDate day = LocalDate.ofInstant(engineNow(), UK).plusDays(3);
        Map<String, Object> answers = meeting(day);
        api.completeTask("maya", api.awaitTask("maya", reference, Elements.ARRANGE_SCHOOL_MEETING), answers);
        // The first delivery has done its work once the meeting is stored (the emails leave just before).
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "SELECT COUNT(*) FROM school_meeting WHERE case_reference = ?", Integer.class, reference)).isOne());
        assertThat(mailsTo(schoolContact)).hasSize(1);
        Map<String, Object> stored = jdbc.queryForMap(
                "SELECT id, job_key, process_instance_key, calendar_uid FROM school_meeting WHERE case_reference = ?", reference);

        Map<String, Object> variables = new HashMap<>(answers);
        variables.put("caseReference", reference);
        variables.put("allocatedWorker", "maya");
        RedeliveredJob again = new RedeliveredJob((Long) stored.get("job_key"), SchoolAdvocacyIds.JobTypes.SEND_MEETING_INVITATIONS,
                (Long) stored.get("process_instance_key"), SchoolAdvocacyIds.PROCESS, Elements.SEND_MEETING_INVITATIONS,
                Map.of(), variables);
        Map<String, Object> output = invitations.invite(again, reference, "maya", school, "Mr Lee Okoro", schoolContact,
                day.toString(), "10:00", 45, school + ", meeting room 2", "TRUANCY_LETTERS", null, "yes");

        assertThat(output).containsEntry("schoolMeetingId", stored.get("id"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM school_meeting WHERE case_reference = ?", Integer.class, reference)).isOne();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notification WHERE case_reference = ? AND job_key = ?",
                Integer.class, reference, stored.get("job_key"))).isEqualTo(3);
        assertThat(mailsTo(schoolContact)).hasSize(1);
        assertThat(mailsTo(parentEmail)).hasSize(1);
        assertThat(field(calendarOf(mailsTo(schoolContact).getFirst()), "UID")).isEqualTo(stored.get("calendar_uid"));
    }

    @Test
    void outcomeIsAskedForAfterTheMeetingAndCountsAsAMeetingHeld() {
        String reference = referFamilyWithParentEmail();
        startSchoolAdvocacy(reference);
        LocalDate day = LocalDate.ofInstant(engineNow(), UK).plusDays(1);
        api.completeTask("maya", api.awaitTask("maya", reference, Elements.ARRANGE_SCHOOL_MEETING), meeting(day));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(mailsTo(schoolContact)).hasSize(1));

        assertThat(api.advanceClock("P3D").status()).isEqualTo(200);

        long outcome = api.awaitTask("maya", reference, Elements.RECORD_MEETING_OUTCOME);
        assertThat(api.get("maya", "/api/tasks/" + outcome).text("dueDate")).isNotBlank();
        Response incomplete = api.completeTask("maya", outcome, Map.of("meetingHeld", "yes", "followUpMeetingNeeded", "no"));
        assertThat(incomplete.status()).isEqualTo(400);
        assertThat(incomplete.body().path("errors").findValuesAsText("field")).contains("meetingAttendees", "meetingOutcome");
        assertThat(api.completeTask("maya", outcome, Map.of("meetingHeld", "yes",
                "meetingAttendees", List.of("PARENT", "WORKER", "ATTENDANCE_OFFICER"), "meetingOutcome", "TRUANCY_LETTERS_WITHDRAWN",
                "agreedActions", "School withdraws the letters; weekly check-in", "followUpMeetingNeeded", "no")).status())
                .isEqualTo(204);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode meetings = api.get("priya", "/api/cases/" + reference + "/school-meetings").body();
            assertThat(meetings.path("held").asInt()).isOne();
            assertThat(meetings.path("meetings").get(0).path("outcome").asText()).isEqualTo("TRUANCY_LETTERS_WITHDRAWN");
            assertThat(meetings.path("meetings").get(0).path("outcomeRecordedBy").asText()).isEqualTo("maya");
        });
    }

    @Test
    void meetingTimeThatIsNotATimeIsRefusedByName() {
        String reference = referFamilyWithParentEmail();
        startSchoolAdvocacy(reference);
        long arrange = api.awaitTask("maya", reference, Elements.ARRANGE_SCHOOL_MEETING);
        Map<String, Object> answers = meeting(LocalDate.ofInstant(engineNow(), UK).plusDays(2));
        answers.put("meetingStartTime", "25:70");
        answers.put("schoolContactEmail", "not an email");
        Response refused = api.completeTask("maya", arrange, answers);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("meetingStartTime", "schoolContactEmail");
    }
}
