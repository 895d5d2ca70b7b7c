package org.familyjourney.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.familyjourney.engine.EngineGeneration;
import org.familyjourney.processes.OnwardReferralIds;
import org.familyjourney.processes.SafeguardingIds;
import org.familyjourney.processes.SchoolAdvocacyIds;
import org.familyjourney.support.ApplicationTest;
import org.familyjourney.support.CaseWalk;
import org.familyjourney.support.Mails;
import org.familyjourney.support.PageSession;
import org.familyjourney.support.TestApi.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Replacing the embedded engine while families are mid-journey, through the same path a restart
 * takes: every case stands at the same steps afterwards, its tasks keep their ids, assignees, due
 * dates and drafts, deadlines stay where they were, and nothing is sent or recorded twice.
 */
class EngineRecyclingApplicationTest extends ApplicationTest {

    private static final ZoneId UK = ZoneId.of("Europe/London");

    @Autowired
    EngineRecycler recycler;
    @Autowired
    EngineGeneration generation;
    @Autowired
    EngineGate gate;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void casesMidJourneyStandAtTheSameStepsWithTheSameTasksAfterEachRecycle() throws Exception {
        // At first contact, with half-typed notes saved as a draft.
        CaseWalk contact = CaseWalk.allocatedTo(api, "maya");
        long firstContact = api.awaitTask("maya", contact.reference, "Task_MakeFirstContact");
        PageSession maya = PageSession.signedIn(port, "maya");
        maya.get("/tasks/" + firstContact);
        assertThat(maya.postJson("/tasks/" + firstContact + "/draft", Map.of("firstContactNotes", "Rang twice, no answer yet"))
                .status()).isEqualTo(200);
        // Inside the called safeguarding process, waiting for the DSL.
        CaseWalk concern = CaseWalk.allocatedTo(api, "tom");
        Response raised = api.post("tom", "/api/cases/" + concern.reference + "/safeguarding-concerns",
                Map.of("summary", "Bruise on the child's arm, unexplained", "category", "RISK_OF_HARM"));
        assertThat(raised.status()).as(raised.raw()).isEqualTo(201);
        long decide = api.awaitTask("dev", concern.reference, SafeguardingIds.Elements.DECIDE_ON_CONCERN);
        // In school advocacy waiting for the meeting time, with an onward referral waiting for its answer.
        CaseWalk school = CaseWalk.allocatedTo(api, "maya").firstContactAndAssessment(CaseWalk.ASSESSMENT).planApproved(CaseWalk.GOAL);
        // After the first contact's reminder below, which moves the clock on two working days.
        LocalDate meetingDay = school.today().plusDays(7);
        school.complete("maya", SchoolAdvocacyIds.Elements.ARRANGE_SCHOOL_MEETING, meeting(school, meetingDay));
        Instant meetingAt = meetingDay.atTime(10, 0).atZone(UK).toInstant();
        long answer = api.awaitTask("maya", school.reference, OnwardReferralIds.Elements.RECORD_ORGANISATION_ANSWER);
        List<String> cases = List.of(contact.reference, concern.reference, school.reference);
        await().atMost(Duration.ofSeconds(30)).until(() -> cases.stream().allMatch(this::quiet));

        Map<String, Object> before = snapshot(cases);
        long generationBefore = generation.current();

        EngineRecycler.Recycled first = recycler.recycle("TEST");

        assertThat(first.toGeneration()).isGreaterThan(generationBefore);
        assertThat(first.recovery().failed()).isZero();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(snapshot(cases)).isEqualTo(before));
        assertThat(journeyCount(contact.reference, "JOURNEY_RECOVERED")).isOne();
        assertThat(draft(maya, firstContact)).isEqualTo("Rang twice, no answer yet");
        assertThat(jdbc.queryForObject("SELECT engine_generation FROM user_task WHERE id = ?", Long.class, firstContact))
                .isEqualTo(generation.current());

        // The first contact's reminder fires once at its absolute time, also after another recycle.
        api.moveClockTo(api.deadline(contact.reference, "firstContact"));
        await().atMost(Duration.ofSeconds(30)).until(() -> journeyCount(contact.reference, "REMINDER_SENT") == 1
                && mails(contact.reference) == 1 && quiet(contact.reference));
        recycler.recycle("TEST");
        await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(10)).until(() -> cases.stream().allMatch(this::quiet));
        assertThat(snapshot(cases)).isEqualTo(before);
        assertThat(journeyCount(contact.reference, "REMINDER_SENT")).isOne();
        assertThat(mails(contact.reference)).isOne();
        cases.forEach(this::assertNothingTwice);

        // Each case walks on.
        contact.complete("maya", "Task_MakeFirstContact", Map.of("firstContactOutcome", "REACHED",
                "firstContactDate", contact.today().toString(), "firstContactMethod", "PHONE", "firstContactNotes", "Spoke to Sam"));
        api.awaitTask("maya", contact.reference, "Task_AssessFamily");
        assertThat(api.completeTask("dev", decide, Map.of("dslDecision", "CONTINUE_SUPPORT",
                "dslRationale", "Explained by a fall at school; nursery confirmed", "familySupportContinues", "yes")).status())
                .isEqualTo(204);
        await().atMost(Duration.ofSeconds(30)).until(() -> "DECIDED".equals(api.get("tom",
                "/api/cases/" + concern.reference + "/safeguarding-concerns").body().path("concerns").get(0).path("state").asText()));
        recycler.recycle("TEST");
        assertThat(api.completeTask("maya", answer, Map.of("onwardReferralAnswer", "ACCEPTED",
                "onwardReferralAnswerNotes", "First session next week")).status()).isEqualTo(204);
        int schoolMails = mails(school.reference);
        api.moveClockTo(meetingAt);
        long outcome = api.awaitTask("maya", school.reference, SchoolAdvocacyIds.Elements.RECORD_MEETING_OUTCOME);
        assertThat(openTasks(school.reference, SchoolAdvocacyIds.Elements.RECORD_MEETING_OUTCOME)).isOne();
        assertThat(mails(school.reference)).isEqualTo(schoolMails);
        assertThat(api.completeTask("maya", outcome, Map.of("meetingHeld", "yes", "meetingAttendees", List.of("PARENT", "WORKER"),
                "meetingOutcome", "TRUANCY_LETTERS_WITHDRAWN", "agreedActions", "Weekly check-in", "followUpMeetingNeeded", "no"))
                .status()).isEqualTo(204);
        assertThat(journeyCount(school.reference, "JOURNEY_RECOVERED")).isEqualTo(3);
        cases.forEach(this::assertNothingTwice);
        assertThat(journeyCount(school.reference, "TASK_CREATED")).isEqualTo((Integer) before.get(school.reference + ":created") + 1);
    }

    /**
     * A person completed a task and our tasklist stored it, but the engine went before its position
     * recorded the completion: the re-created step is completed again with the same answers.
     */
    @Test
    void aTaskCompletedJustBeforeTheEngineWentCarriesItsAnswersToTheRecreatedStep() {
        CaseWalk walk = CaseWalk.allocatedTo(api, "maya");
        long contact = api.awaitTask("maya", walk.reference, "Task_MakeFirstContact");
        jdbc.update("""
                UPDATE user_task SET state = 'COMPLETED', completed_by = 'maya', completed_at = NOW(6), outcome = ?
                WHERE id = ?""", "{\"firstContactOutcome\":\"REACHED\",\"firstContactDate\":\"" + walk.today()
                + "\",\"firstContactMethod\":\"PHONE\",\"firstContactNotes\":\"Spoke to Sam\"}", contact);

        recycler.recycle("TEST");

        api.awaitTask("maya", walk.reference, "Task_AssessFamily");
        assertThat(jdbc.queryForObject("SELECT state FROM user_task WHERE id = ?", String.class, contact)).isEqualTo("COMPLETED");
        assertThat(openTasks(walk.reference, "Task_MakeFirstContact")).isZero();
    }

    @Test
    void anAdminRecyclesTheEngineFromTheApiAndHealthShowsTheNewRun() {
        assertThat(api.post("maya", "/api/engine/recycle", Map.of()).status()).isEqualTo(403);
        long before = generation.current();

        Response recycled = api.post("admin", "/api/engine/recycle", Map.of());

        assertThat(recycled.status()).as(recycled.raw()).isEqualTo(200);
        assertThat(recycled.body().path("fromGeneration").asLong()).isEqualTo(before);
        assertThat(recycled.body().path("toGeneration").asLong()).isEqualTo(generation.current()).isGreaterThan(before);
        assertThat(recycled.body().path("failed").asInt()).isZero();
        // On Linux with glibc (here and in the image) the C allocator's freed memory is given back after each recycle.
        assertThat(recycled.body().path("nativeMemoryReleasedMb").asLong()).isGreaterThanOrEqualTo(0);
        // Where the time went, part by part, in the order the parts ran.
        assertThat(recycled.body().path("phasesMs").properties()).extracting(Map.Entry::getKey)
                .containsExactly("changes", "workers closed", "jobs", "positions", "engine replaced", "models", "recovery",
                        "tasks moved", "native heap");
        JsonNode health = api.get("admin", "/actuator/health").body().path("components").path("engineRuns");
        assertThat(health.path("status").asText()).isEqualTo("UP");
        assertThat(health.path("details").path("generation").asLong()).isEqualTo(generation.current());
        assertThat(health.path("details").path("lastRecycle").asText()).isNotBlank();
        assertThat(api.get("admin", "/api/engine/recycle").body().path("generation").asLong()).isEqualTo(generation.current());
        // The engine answers again: a new referral starts its journey on the current model.
        String reference = api.referFamily("priya");
        api.awaitTask("priya", reference, "Task_TriageReferral");
    }

    /**
     * A change people make that is under way when a recycle begins (a completion on its way to the
     * engine) finishes on the engine it was sent to: the recycle waits for it, and refuses new ones
     * meanwhile. Sent to an engine stopping under it, a completion can be applied with its answer lost.
     */
    @Test
    void aRecycleWaitsForTheChangesUnderWayAndRefusesNewOnes() throws Exception {
        long before = generation.current();
        assertThat(gate.enter()).as("a change under way, counted as the filter counts one").isTrue();
        CompletableFuture<EngineRecycler.Recycled> recycled;
        try {
            recycled = CompletableFuture.supplyAsync(() -> recycler.recycle("TEST"));
            await().atMost(Duration.ofSeconds(10)).until(gate::closed);

            Response refused = api.post("priya", "/api/referrals", api.referral());

            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.http().headers().firstValue("Retry-After")).isPresent();
            assertThat(generation.current()).as("the engine is not replaced while a change is under way").isEqualTo(before);
            assertThat(recycled).isNotDone();
        } finally {
            gate.leave();
        }
        assertThat(recycled.get(60, TimeUnit.SECONDS).fromGeneration()).isEqualTo(before);
        assertThat(gate.closed()).isFalse();
        assertThat(api.post("priya", "/api/referrals", api.referral()).status()).isEqualTo(201);
    }

    private Map<String, Object> meeting(CaseWalk walk, LocalDate day) {
        Map<String, Object> answers = new HashMap<>(Map.of("schoolName", walk.school, "schoolContactName", "Mr Lee Okoro",
                "schoolContactEmail", "head.of.year@oakfield.example", "meetingDate", day.toString(), "meetingStartTime", "10:00",
                "meetingDurationMinutes", 45, "meetingPlace", "Meeting room 2", "meetingPurpose", "TRUANCY_LETTERS"));
        answers.put("inviteParent", "no");
        return answers;
    }

    /** What a user sees of each case: its open tasks (id, step, assignee, due), its deadlines, its emails and journey tasks. */
    private Map<String, Object> snapshot(List<String> cases) {
        Map<String, Object> seen = new TreeMap<>();
        for (String reference : cases) {
            JsonNode view = api.get("priya", "/api/cases/" + reference).body();
            StringBuilder tasks = new StringBuilder();
            view.path("openTasks").forEach(task -> tasks.append(task.path("id").asLong()).append('/').append(task.path("elementId").asText())
                    .append('/').append(task.path("assignee").asText()).append('/').append(task.path("dueDate").asText()).append(';'));
            seen.put(reference + ":tasks", tasks.toString());
            seen.put(reference + ":deadlines", view.path("deadlines").toString());
            seen.put(reference + ":status", view.path("status").asText());
            seen.put(reference + ":created", journeyCount(reference, "TASK_CREATED"));
            seen.put(reference + ":variables", rootVariables(reference));
        }
        return seen;
    }

    /** The journey's own variables as last recorded from the engine: the same before and after a recycle. */
    private String rootVariables(String reference) {
        Map<String, Object> keys = jdbc.queryForMap("SELECT engine_generation, process_instance_key FROM family_case WHERE reference = ?", reference);
        String state = jdbc.queryForObject("SELECT state FROM instance_position WHERE engine_generation = ? AND process_instance_key = ?",
                String.class, keys.get("engine_generation"), keys.get("process_instance_key"));
        try {
            JsonNode variables = new com.fasterxml.jackson.databind.ObjectMapper().readTree(state).path("variables")
                    .path(String.valueOf(keys.get("process_instance_key")));
            Map<String, String> sorted = new TreeMap<>();
            variables.properties().forEach(entry -> sorted.put(entry.getKey(), entry.getValue().asText()));
            return sorted.toString();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String draft(PageSession session, long taskId) {
        return session.getJson("/tasks/" + taskId + "/form").json().path("data").path("firstContactNotes").asText();
    }

    private int openTasks(String reference, String elementId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM user_task WHERE case_reference = ? AND element_id = ? AND state = 'OPEN'",
                Integer.class, reference, elementId);
    }

    private int journeyCount(String reference, String kind) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM journey_entry WHERE case_reference = ? AND kind = ?", Integer.class, reference, kind);
    }

    /** Nothing new in the case's journey for half a second. */
    private boolean quiet(String reference) {
        Integer before = jdbc.queryForObject("SELECT COUNT(*) FROM journey_entry WHERE case_reference = ?", Integer.class, reference);
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return before.equals(jdbc.queryForObject("SELECT COUNT(*) FROM journey_entry WHERE case_reference = ?", Integer.class, reference));
    }

    /**
     * Every timer of these journeys fires once and every email goes once: no reminder, escalation,
     * deadline or task entry of a case is in its journey twice, and no recipient has the same email twice
     * (an escalation's email to each manager is one journey entry per manager, so emails are counted by recipient).
     */
    private void assertNothingTwice(String reference) {
        assertThat(jdbc.queryForList("""
                SELECT CONCAT(kind, ' ', COALESCE(step, ''), ' ', summary) FROM journey_entry
                WHERE case_reference = ? AND kind IN ('REMINDER_SENT', 'ESCALATION_RAISED', 'DEADLINE_SET', 'TASK_CREATED')
                GROUP BY kind, step, summary HAVING COUNT(*) > 1""", String.class, reference)).as(reference).isEmpty();
        Map<String, Integer> sent = new HashMap<>();
        Arrays.stream(MAIL.getReceivedMessages()).forEach(m -> {
            try {
                if (m.getSubject() != null && m.getSubject().contains(reference)) {
                    sent.merge(Arrays.toString(m.getAllRecipients()) + " " + m.getSubject(), 1, Integer::sum);
                }
            } catch (jakarta.mail.MessagingException e) {
                throw new AssertionError(e);
            }
        });
        assertThat(sent).as(reference).allSatisfy((mail, count) -> assertThat(count).as(mail).isOne());
    }

    private int mails(String reference) {
        return Mails.about(MAIL, reference);
    }
}
