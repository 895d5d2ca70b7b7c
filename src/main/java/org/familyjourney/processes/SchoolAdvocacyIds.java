package org.familyjourney.processes;

/** Ids of bpmn/school-advocacy-meeting.bpmn, its job types and forms, mirrored from the diagram. */
public final class SchoolAdvocacyIds {

    public static final String PROCESS = "school-advocacy-meeting";
    public static final String OUTCOME_TIMESCALE = "school-meeting-outcome";

    public static final class JobTypes {
        public static final String SEND_MEETING_INVITATIONS = "send-meeting-invitations";
        public static final String RECORD_MEETING_OUTCOME = "record-school-meeting-outcome";

        private JobTypes() {
        }
    }

    public static final class Elements {
        public static final String ARRANGE_SCHOOL_MEETING = "Task_ArrangeSchoolMeeting";
        public static final String SEND_MEETING_INVITATIONS = "Task_SendMeetingInvitations";
        public static final String MEETING_TIME_REACHED = "Timer_MeetingTimeReached";
        public static final String SCHEDULE_MEETING_OUTCOME = "Task_ScheduleMeetingOutcome";
        public static final String RECORD_MEETING_OUTCOME = "Task_RecordMeetingOutcome";
        public static final String MEETING_OUTCOME_DUE = "Timer_MeetingOutcomeDue";
        public static final String REMIND_MEETING_OUTCOME = "Task_RemindMeetingOutcome";
        public static final String UPDATE_MEETING_RECORD = "Task_UpdateMeetingRecord";
        public static final String SCHOOL_ADVOCACY_COMPLETE = "EndEvent_SchoolAdvocacyComplete";

        private Elements() {
        }
    }

    public static final class Forms {
        public static final String ARRANGE_SCHOOL_MEETING = "arrange-school-meeting";
        public static final String RECORD_MEETING_OUTCOME = "record-school-meeting-outcome";

        private Forms() {
        }
    }

    private SchoolAdvocacyIds() {
    }
}
