package org.familyjourney.school;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import org.familyjourney.consent.ConsentScope;
import org.familyjourney.consent.Consents;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.familyjourney.casework.CaseRegister;
import org.familyjourney.engine.EngineGeneration;
import org.familyjourney.journey.JourneyKind;
import org.familyjourney.journey.JourneyLog;
import org.familyjourney.notification.CalendarInvite;
import org.familyjourney.notification.Notifier;
import org.familyjourney.processes.HandledJobs;
import org.familyjourney.processes.JobRef;
import org.familyjourney.processes.SchoolAdvocacyIds.JobTypes;
import org.familyjourney.referral.Referral;
import org.familyjourney.referral.ReferralRepository;
import org.familyjourney.security.StaffDirectory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Send meeting invitations: stores the meeting as arranged and emails a calendar invitation (.ics,
 * METHOD:REQUEST) to the school contact, to the parent when invited and we hold their email, and to
 * the worker. The meeting's UID is fixed when it is first stored, so a redelivered job finds the same
 * meeting and the notifier sends nothing twice. Each invitation names only its own recipient, so the
 * school never sees the parent's email address. Hands the model {@code meetingAt} for its timer.
 */
@Component
public class SendMeetingInvitationsWorker {

    static final ZoneId UK = ZoneId.of("Europe/London");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", Locale.UK).withZone(UK);
    private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("HH:mm", Locale.UK).withZone(UK);

    private final SchoolMeetings meetings;
    private final Consents consents;
    private final CaseRegister cases;
    private final ReferralRepository referrals;
    private final StaffDirectory staff;
    private final Notifier notifier;
    private final JourneyLog journey;
    private final HandledJobs handled;
    private final EngineGeneration generation;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final String from;

    SendMeetingInvitationsWorker(SchoolMeetings meetings, CaseRegister cases, ReferralRepository referrals,
                                 StaffDirectory staff, Notifier notifier, JourneyLog journey, HandledJobs handled,
                                 EngineGeneration generation, TransactionTemplate transaction, Clock clock,
                                 @Value("${familyjourney.mail.from}") String from, Consents consents) {
        this.consents = consents;
        this.meetings = meetings;
        this.cases = cases;
        this.referrals = referrals;
        this.staff = staff;
        this.notifier = notifier;
        this.journey = journey;
        this.handled = handled;
        this.generation = generation;
        this.transaction = transaction;
        this.clock = clock;
        this.from = from;
    }

    @JobWorker(type = JobTypes.SEND_MEETING_INVITATIONS, fetchVariables = {"caseReference", "allocatedWorker", "schoolName",
            "schoolContactName", "schoolContactEmail", "meetingDate", "meetingStartTime", "meetingDurationMinutes",
            "meetingPlace", "meetingPurpose", "meetingPurposeDetail", "inviteParent"})
    public Map<String, Object> invite(ActivatedJob job, @Variable(name = "caseReference") String caseReference,
                                      @Variable(name = "allocatedWorker") String worker,
                                      @Variable(name = "schoolName") String schoolName,
                                      @Variable(name = "schoolContactName") String contactName,
                                      @Variable(name = "schoolContactEmail") String contactEmail,
                                      @Variable(name = "meetingDate") String meetingDate,
                                      @Variable(name = "meetingStartTime") String startTime,
                                      @Variable(name = "meetingDurationMinutes") Integer durationMinutes,
                                      @Variable(name = "meetingPlace") String place,
                                      @Variable(name = "meetingPurpose") String purpose,
                                      @Variable(name = "meetingPurposeDetail") String purposeDetail,
                                      @Variable(name = "inviteParent") String inviteParent) {
        // The worker enters UK local time; the calendar and the engine's timer get the instant it means.
        Instant start = LocalDate.parse(meetingDate).atTime(LocalTime.parse(startTime)).atZone(UK).toInstant();
        Instant end = start.plus(Duration.ofMinutes(durationMinutes == null ? 60 : durationMinutes));
        SchoolMeetings.Arrangement arrangement = new SchoolMeetings.Arrangement(caseReference, schoolName, contactName,
                contactEmail, start, end, place, MeetingPurpose.valueOf(purpose), purposeDetail, "yes".equals(inviteParent),
                worker);
        JobRef ref = JobRef.of(job, generation.current());
        Consents.Coverage consent = consents.coverage(caseReference, ConsentScope.CONTACT_SCHOOL, schoolName);
        SchoolMeeting meeting = transaction.execute(tx -> {
            SchoolMeeting arranged = meetings.arrange(ref, arrangement);
            sendInvitations(arranged, ref, job.getElementId(), consent.allowsSharing());
            if (handled.firstDelivery(ref, job.getType())) {
                journey.record(caseReference, JourneyKind.SCHOOL_MEETING_RECORDED, job.getElementId(), JourneyLog.SYSTEM,
                        "School meeting arranged with " + schoolName + " for " + WHEN.format(start) + " (UK time)",
                        Map.of("schoolMeetingId", arranged.id(), "startsAt", start.toString(), "purpose", purpose));
                if (!consent.allowsSharing()) {
                    journey.record(caseReference, JourneyKind.SCHOOL_MEETING_RECORDED, job.getElementId(), JourneyLog.SYSTEM,
                            "Invitation to " + schoolName + " not sent: consent to contact the school is "
                                    + consent.name().toLowerCase() + "; the worker is told",
                            Map.of("schoolMeetingId", arranged.id(), "consent", consent.name()));
                }
            }
            return arranged;
        });
        Map<String, Object> variables = new HashMap<>();
        variables.put("meetingAt", meeting.startsAt().toString());
        variables.put("schoolMeetingId", meeting.id());
        // Filed: an optional answer must not carry over into the next meeting's invitation.
        variables.put("meetingPurposeDetail", null);
        return variables;
    }

    private void sendInvitations(SchoolMeeting meeting, JobRef ref, String step, boolean mayContactSchool) {
        StaffDirectory.Staff holder = staff.find(meeting.worker())
                .orElseThrow(() -> new IllegalStateException("No staff member " + meeting.worker() + " to hold the meeting"));
        CalendarInvite.Person organizer = new CalendarInvite.Person(holder.displayName(),
                holder.email() == null ? from : holder.email());
        String when = WHEN.format(meeting.startsAt()) + " to " + UNTIL.format(meeting.endsAt()) + " (UK time)";
        String purpose = meeting.purpose().label() + (meeting.purposeDetail() == null ? "" : ": " + meeting.purposeDetail());
        String reply = "To change the time, reply to " + holder.displayName() + " at " + organizer.email()
                + ", quoting " + meeting.caseReference() + ".";

        // Without the family's consent to contact the school (or a recorded override) the school is not invited.
        if (mayContactSchool) {
            send(meeting, organizer, new CalendarInvite.Person(meeting.schoolContactName(), meeting.schoolContactEmail()),
                    "Meeting invitation: " + meeting.purpose().label() + ", " + WHEN.format(meeting.startsAt())
                            + " (" + meeting.caseReference() + ")",
                    "Dear " + meeting.schoolContactName() + ",\n\n" + holder.displayName()
                            + ", family support worker, invites you to a meeting about a family we support together.\n\n"
                            + "When: " + when + "\nWhere: " + meeting.place() + "\nPurpose: " + purpose + "\n"
                            + (meeting.parentInvited() ? "The parent is invited too.\n" : "") + "\n" + reply + "\n",
                    ref, step);
        }
        if (meeting.parentInvited()) {
            Referral.Parent parent = referrals.findById(cases.find(meeting.caseReference()).referralId())
                    .map(Referral::parent).orElse(null);
            if (parent != null && parent.email() != null) {
                send(meeting, organizer, new CalendarInvite.Person(parent.name(), parent.email()),
                        "Your meeting at " + meeting.schoolName() + " on " + WHEN.format(meeting.startsAt()),
                        "Hello " + parent.name() + ",\n\n" + holder.displayName() + ", your family support worker, has "
                                + "arranged a meeting with " + meeting.schoolName() + " and would like you to come.\n\n"
                                + "When: " + when + "\nWhere: " + meeting.place() + "\nWhat about: "
                                + meeting.purpose().label() + "\n\nIf the time does not suit you, reply to "
                                + holder.displayName() + " at " + organizer.email() + ".\n", ref, step);
            }
        }
        send(meeting, organizer, organizer,
                "Meeting booked: " + meeting.schoolName() + ", " + WHEN.format(meeting.startsAt()) + " (" + meeting.caseReference() + ")",
                "You arranged a meeting with " + meeting.schoolContactName() + " of " + meeting.schoolName() + ".\n\n"
                        + "When: " + when + "\nWhere: " + meeting.place() + "\nPurpose: " + purpose + "\n"
                        + (mayContactSchool ? "" : "The school was NOT sent an invitation: the family's consent to contact "
                        + "the school is withdrawn or missing. Check with the family before contacting the school.\n")
                        + "Record its outcome in Family Journey afterwards.\n", ref, step);
    }

    private void send(SchoolMeeting meeting, CalendarInvite.Person organizer, CalendarInvite.Person to, String subject,
                      String body, JobRef ref, String step) {
        CalendarInvite invite = new CalendarInvite(meeting.calendarUid(), 0, meeting.startsAt(), meeting.endsAt(),
                "School meeting: " + meeting.schoolName() + " (" + meeting.purpose().label() + ")", meeting.place(),
                "Arranged by " + organizer.name() + ". Case " + meeting.caseReference() + ".", organizer, List.of(to),
                clock.instant());
        notifier.send(new Notifier.Message(meeting.caseReference(), to.email(), subject, body,
                List.of(invite.asAttachment("school-meeting.ics"))), ref, step);
    }
}
