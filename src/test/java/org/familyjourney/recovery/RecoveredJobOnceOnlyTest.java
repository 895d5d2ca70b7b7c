package org.familyjourney.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.familyjourney.deadline.ScheduleDeadlineWorker;
import org.familyjourney.escalation.SendReminderWorker;
import org.familyjourney.support.ApplicationTest;
import org.familyjourney.support.CaseWalk;
import org.familyjourney.support.Mails;
import org.familyjourney.support.RedeliveredJob;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A service task whose job had done its work when the old engine died, but whose completion the
 * engine never recorded, is re-created by recovery and its new job runs again. Linked to the old job
 * (recovery_link), the worker finds the old job's marks: no second email, no second journey entry.
 */
class RecoveredJobOnceOnlyTest extends ApplicationTest {

    @Autowired
    SendReminderWorker reminders;
    @Autowired
    ScheduleDeadlineWorker deadlines;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theJobOfARecoveredReminderStepDoesNotRemindTwice() {
        CaseWalk walk = CaseWalk.allocatedTo(api, "maya");
        api.awaitTask("maya", walk.reference, "Task_MakeFirstContact");
        api.moveClockTo(api.deadline(walk.reference, "firstContact"));
        await().atMost(Duration.ofSeconds(30)).until(() -> reminders(walk.reference) == 1 && mails(walk.reference) == 1);
        Map<String, Object> sent = jdbc.queryForMap("""
                SELECT n.engine_generation, n.job_key, f.process_instance_key FROM notification n
                JOIN family_case f ON f.reference = n.case_reference WHERE n.case_reference = ?""", walk.reference);
        long generation = ((Number) sent.get("engine_generation")).longValue();
        long oldJob = ((Number) sent.get("job_key")).longValue();
        // A key the engine will not hand out in this test run, standing for the re-created step's new job.
        long newJob = Long.MAX_VALUE - ThreadLocalRandom.current().nextLong(1_000_000_000L);
        jdbc.update("INSERT INTO recovery_link (engine_generation, job_key, origin_generation, origin_job_key) VALUES (?, ?, ?, ?)",
                generation, newJob, generation, oldJob);

        reminders.remind(new RedeliveredJob(newJob, "send-reminder", ((Number) sent.get("process_instance_key")).longValue(),
                "family-journey", "Task_RemindFirstContact", Map.of("message", "First contact with the family is due"),
                Map.of("caseReference", walk.reference, "allocatedWorker", "maya")), walk.reference, "maya");

        assertThat(reminders(walk.reference)).isOne();
        assertThat(mails(walk.reference)).isOne();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notification WHERE case_reference = ?", Integer.class, walk.reference))
                .isOne();
    }

    @Test
    void theJobOfARecoveredDeadlineStepReturnsTheDeadlineSetBeforeNotOneFromNow() {
        CaseWalk walk = CaseWalk.allocatedTo(api, "maya");
        api.awaitTask("maya", walk.reference, "Task_MakeFirstContact");
        Instant due = api.deadline(walk.reference, "firstContact");
        Map<String, Object> set = jdbc.queryForMap("""
                SELECT d.engine_generation, d.job_key, f.process_instance_key FROM case_deadline d
                JOIN family_case f ON f.reference = d.case_reference WHERE d.case_reference = ? AND d.name = 'firstContact'""",
                walk.reference);
        long generation = ((Number) set.get("engine_generation")).longValue();
        long newJob = Long.MAX_VALUE - ThreadLocalRandom.current().nextLong(1_000_000_000L);
        jdbc.update("INSERT INTO recovery_link (engine_generation, job_key, origin_generation, origin_job_key) VALUES (?, ?, ?, ?)",
                generation, newJob, generation, ((Number) set.get("job_key")).longValue());

        Map<String, Object> variables = deadlines.schedule(new RedeliveredJob(newJob, "schedule-deadline",
                ((Number) set.get("process_instance_key")).longValue(), "family-journey", "Task_ScheduleFirstContact",
                Map.of("deadline", "firstContact", "timescale", "first-contact", "escalateAfter", "first-contact-escalation"),
                Map.of("caseReference", walk.reference)), walk.reference, null);

        // Computed again now, the due time would be later (it counts from the moment, to the microsecond).
        assertThat(Instant.parse((String) variables.get("firstContactDue"))).isEqualTo(due);
        assertThat(api.deadline(walk.reference, "firstContact")).isEqualTo(due);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM journey_entry WHERE case_reference = ? AND kind = 'DEADLINE_SET' "
                + "AND step = 'Task_ScheduleFirstContact'", Integer.class, walk.reference)).isOne();
    }

    private int reminders(String reference) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM journey_entry WHERE case_reference = ? AND kind = 'REMINDER_SENT'",
                Integer.class, reference);
    }

    private int mails(String reference) {
        return Mails.about(MAIL, reference);
    }
}
