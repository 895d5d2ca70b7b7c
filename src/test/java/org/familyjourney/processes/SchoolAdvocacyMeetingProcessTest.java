package org.familyjourney.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.api.response.ActivatedJob;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.familyjourney.processes.SchoolAdvocacyIds.Elements;
import org.familyjourney.processes.SchoolAdvocacyIds.JobTypes;
import org.familyjourney.support.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The worker arranges a school meeting, the invitations go out, the meeting happens, its outcome is recorded. */
class SchoolAdvocacyMeetingProcessTest {

    @RegisterExtension
    static final ProcessEngine engine = new ProcessEngine();

    private long start() {
        return engine.start(SchoolAdvocacyIds.PROCESS, Map.of("caseReference", "FJ-2026-000201", "allocatedWorker", "maya"));
    }

    /** Arranges a meeting a day ahead and plays the invitations worker; returns when the meeting is. */
    private Instant arrangeMeeting(long instance, long meetingId) {
        ActivatedJob arrange = engine.completeUserTask(instance, Elements.ARRANGE_SCHOOL_MEETING, Map.of(
                "schoolName", "Brookside Primary", "schoolContactName", "Ms Ada Fenwick",
                "schoolContactEmail", "office@brookside.example", "meetingDate", "2026-12-03", "meetingStartTime", "10:00",
                "meetingDurationMinutes", 60, "meetingPlace", "Brookside Primary", "meetingPurpose", "ATTENDANCE",
                "inviteParent", "yes"));
        assertThat(arrange.getCustomHeaders()).containsEntry("io.camunda.zeebe:assignee", "maya");
        Instant meetingAt = engine.now().plus(Duration.ofDays(1));
        engine.complete(instance, JobTypes.SEND_MEETING_INVITATIONS, Map.of("meetingAt", meetingAt.toString(),
                "schoolMeetingId", meetingId));
        return meetingAt;
    }

    /** Moves past the meeting and plays the outcome deadline: due two days after it. */
    private void meetingTakesPlace(long instance) {
        engine.awaitActive(instance, Elements.MEETING_TIME_REACHED);
        engine.advanceClock(Duration.ofDays(1).plusMinutes(1));
        ActivatedJob deadline = engine.complete(instance, ProcessIds.JobTypes.SCHEDULE_DEADLINE,
                Map.of("schoolMeetingOutcomeDue", engine.now().plus(Duration.ofDays(2)).toString()));
        assertThat(deadline.getCustomHeaders()).containsEntry("timescale", SchoolAdvocacyIds.OUTCOME_TIMESCALE);
    }

    private void recordOutcome(long instance, String followUp, int heldSoFar) {
        ActivatedJob outcome = engine.completeUserTask(instance, Elements.RECORD_MEETING_OUTCOME, Map.of(
                "meetingHeld", "yes", "meetingAttendees", java.util.List.of("PARENT", "WORKER", "HEAD_OF_YEAR"),
                "meetingOutcome", "ATTENDANCE_PLAN_AGREED", "followUpMeetingNeeded", followUp));
        assertThat(outcome.getCustomHeaders()).containsEntry("io.camunda.zeebe:assignee", "maya")
                .containsKey("io.camunda.zeebe:dueDate");
        engine.complete(instance, JobTypes.RECORD_MEETING_OUTCOME, Map.of("schoolMeetingsHeld", heldSoFar,
                "lastSchoolMeetingOutcome", "ATTENDANCE_PLAN_AGREED"));
    }

    @Test
    void followUpMeetingLoopsBackToArrangeAndTwoMeetingsAreHeld() {
        long instance = start();
        arrangeMeeting(instance, 1);
        meetingTakesPlace(instance);
        recordOutcome(instance, "yes", 1);

        engine.awaitActive(instance, Elements.ARRANGE_SCHOOL_MEETING);
        arrangeMeeting(instance, 2);
        meetingTakesPlace(instance);
        recordOutcome(instance, "no", 2);

        engine.awaitEnded(instance);
        assertThat(engine.hasPassed(instance, Elements.SCHOOL_ADVOCACY_COMPLETE)).isTrue();
        assertThat(engine.elementRecords(instance).filter(r -> r.getIntent().name().equals("ELEMENT_COMPLETED")
                && Elements.SEND_MEETING_INVITATIONS.equals(r.getValue().getElementId()))).hasSize(2);
    }

    @Test
    void remindsTheWorkerWhenTheOutcomeIsDueAndNotYetRecorded() {
        long instance = start();
        arrangeMeeting(instance, 3);
        meetingTakesPlace(instance);
        engine.awaitActive(instance, Elements.RECORD_MEETING_OUTCOME);

        engine.advanceClock(Duration.ofDays(2).plusMinutes(1));

        ActivatedJob reminder = engine.complete(instance, ProcessIds.JobTypes.SEND_REMINDER, Map.of());
        assertThat(reminder.getElementId()).isEqualTo(Elements.REMIND_MEETING_OUTCOME);
        assertThat(reminder.getCustomHeaders()).containsKey("message");
        // The reminder does not take the task away: the worker still records the outcome.
        assertThat(engine.isActive(instance, Elements.RECORD_MEETING_OUTCOME)).isTrue();
        recordOutcome(instance, "no", 1);
        engine.awaitEnded(instance);
    }

    @Test
    void waitsForTheMeetingBeforeAskingForItsOutcome() {
        long instance = start();
        arrangeMeeting(instance, 5);
        engine.awaitActive(instance, Elements.MEETING_TIME_REACHED);
        engine.advanceClock(Duration.ofHours(12));
        // Half a day before the meeting nothing moves on, however long we look.
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
                .until(() -> engine.isActive(instance, Elements.MEETING_TIME_REACHED));
        assertThat(engine.hasPassed(instance, Elements.SCHEDULE_MEETING_OUTCOME)).isFalse();
    }

    @Test
    void noReminderWhenTheOutcomeIsRecordedInTime() {
        long instance = start();
        arrangeMeeting(instance, 4);
        meetingTakesPlace(instance);
        recordOutcome(instance, "no", 1);
        engine.awaitEnded(instance);
        assertThat(engine.hasPassed(instance, Elements.REMIND_MEETING_OUTCOME)).isFalse();
    }
}
