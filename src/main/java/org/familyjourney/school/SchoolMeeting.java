package org.familyjourney.school;

import java.time.Instant;
import java.util.List;

/** A school advocacy meeting: as arranged, and once recorded, whether it was held and what came of it. */
public record SchoolMeeting(long id, String caseReference, String schoolName, String schoolContactName,
                            String schoolContactEmail, Instant startsAt, Instant endsAt, String place,
                            MeetingPurpose purpose, String purposeDetail, boolean parentInvited, String worker,
                            String calendarUid, String state, String notHeldReason, List<String> attendees,
                            String outcome, String agreedActions, Boolean followUpNeeded, String outcomeRecordedBy,
                            Instant outcomeRecordedAt) {

    public static final String ARRANGED = "ARRANGED";
    public static final String HELD = "HELD";
    public static final String NOT_HELD = "NOT_HELD";
}
