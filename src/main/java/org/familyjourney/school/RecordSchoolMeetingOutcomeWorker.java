package org.familyjourney.school;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.familyjourney.engine.EngineGeneration;
import org.familyjourney.journey.JourneyKind;
import org.familyjourney.journey.JourneyLog;
import org.familyjourney.processes.HandledJobs;
import org.familyjourney.processes.JobRef;
import org.familyjourney.processes.SchoolAdvocacyIds.JobTypes;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Update meeting record: files the outcome of a school meeting (held or not, who came, what was
 * agreed) and hands the model the case's count of meetings held and the last outcome. The answers
 * are cleared from the process once filed, so a follow-up meeting's record starts empty.
 */
@Component
public class RecordSchoolMeetingOutcomeWorker {

    static final String NOT_HELD = "NOT_HELD";

    private final SchoolMeetings meetings;
    private final JourneyLog journey;
    private final HandledJobs handled;
    private final EngineGeneration generation;
    private final TransactionTemplate transaction;

    RecordSchoolMeetingOutcomeWorker(SchoolMeetings meetings, JourneyLog journey, HandledJobs handled,
                                     EngineGeneration generation, TransactionTemplate transaction) {
        this.meetings = meetings;
        this.journey = journey;
        this.handled = handled;
        this.generation = generation;
        this.transaction = transaction;
    }

    @JobWorker(type = JobTypes.RECORD_MEETING_OUTCOME, fetchVariables = {"caseReference", "schoolMeetingId", "meetingHeld",
            "meetingNotHeldReason", "meetingAttendees", "meetingOutcome", "agreedActions", "followUpMeetingNeeded",
            "meetingOutcomeRecordedBy"})
    public Map<String, Object> record(ActivatedJob job, @Variable(name = "caseReference") String caseReference,
                                      @Variable(name = "schoolMeetingId") Long meetingId,
                                      @Variable(name = "meetingHeld") String meetingHeld,
                                      @Variable(name = "meetingNotHeldReason") String notHeldReason,
                                      @Variable(name = "meetingAttendees") List<String> attendees,
                                      @Variable(name = "meetingOutcome") String outcome,
                                      @Variable(name = "agreedActions") String agreedActions,
                                      @Variable(name = "followUpMeetingNeeded") String followUpNeeded,
                                      @Variable(name = "meetingOutcomeRecordedBy") String recordedBy) {
        if (meetingId == null) {
            throw new IllegalStateException("No schoolMeetingId: the meeting's invitations were not sent");
        }
        boolean held = "yes".equals(meetingHeld);
        boolean followUp = "yes".equals(followUpNeeded);
        String lastOutcome = held ? (outcome == null ? "OTHER" : outcome) : NOT_HELD;
        JobRef ref = JobRef.of(job, generation.current());
        int heldSoFar = transaction.execute(tx -> {
            if (handled.firstDelivery(ref, job.getType())) {
                SchoolMeeting meeting = meetings.find(meetingId)
                        .orElseThrow(() -> new IllegalStateException("There is no school meeting " + meetingId));
                meetings.recordOutcome(meetingId, held, notHeldReason, attendees, outcome, agreedActions, followUp, recordedBy);
                journey.record(caseReference, JourneyKind.SCHOOL_MEETING_RECORDED, job.getElementId(),
                        recordedBy == null ? JourneyLog.SYSTEM : recordedBy,
                        (held ? "School meeting with " + meeting.schoolName() + " held: " + lastOutcome.toLowerCase().replace('_', ' ')
                                : "School meeting with " + meeting.schoolName() + " did not take place")
                                + (followUp ? "; a follow-up meeting is needed" : ""),
                        Map.of("schoolMeetingId", meetingId, "held", held, "outcome", lastOutcome, "followUpNeeded", followUp));
            }
            return meetings.heldOn(caseReference);
        });
        Map<String, Object> variables = new HashMap<>();
        variables.put("schoolMeetingsHeld", heldSoFar);
        variables.put("lastSchoolMeetingOutcome", lastOutcome);
        for (String answer : List.of("meetingHeld", "meetingNotHeldReason", "meetingAttendees", "meetingOutcome", "agreedActions")) {
            variables.put(answer, null);
        }
        return variables;
    }
}
