package org.familyjourney.processes;

/** Ids of bpmn/onward-referral.bpmn (signposting), its job types and forms, mirrored from the diagram. */
public final class OnwardReferralIds {

    public static final String PROCESS = "onward-referral";
    public static final String REMINDER_TIMESCALE = "onward-referral-reminder";
    public static final String ESCALATION_TIMESCALE = "onward-referral-escalation";
    /** The escalation kind raised when an organisation has not answered. */
    public static final String UNANSWERED = "ONWARD_REFERRAL_UNANSWERED";
    /** BPMN error of Send onward referral when the family's consent was withdrawn or is missing. */
    public static final String CONSENT_NOT_IN_PLACE = "consent-not-in-place";

    public static final class JobTypes {
        public static final String SEND_ONWARD_REFERRAL = "send-onward-referral";
        public static final String CHASE_ONWARD_REFERRAL = "chase-onward-referral";
        public static final String RECORD_CONSENT_TO_SHARE = "record-consent-to-share";
        public static final String RECORD_ONWARD_REFERRAL_OUTCOME = "record-onward-referral-outcome";

        private JobTypes() {
        }
    }

    public static final class Elements {
        public static final String CONSENT_COVERS_SHARING = "Gateway_ConsentCoversSharing";
        public static final String ASK_FOR_CONSENT_TO_SHARE = "Task_AskForConsentToShare";
        public static final String RECORD_CONSENT_TO_SHARE = "Task_RecordConsentToShare";
        public static final String RECORD_NOT_SENT = "Task_RecordNotSent";
        public static final String NOT_SENT_NO_CONSENT = "EndEvent_NotSentNoConsent";
        public static final String SEND_ONWARD_REFERRAL = "Task_SendOnwardReferral";
        public static final String CONSENT_NOT_IN_PLACE = "Error_ConsentNotInPlace";
        public static final String SCHEDULE_ANSWER_REMINDER = "Task_ScheduleAnswerReminder";
        public static final String SCHEDULE_ANSWER_ESCALATION = "Task_ScheduleAnswerEscalation";
        public static final String RECORD_ORGANISATION_ANSWER = "Task_RecordOrganisationAnswer";
        public static final String ANSWER_REMINDER_DUE = "Timer_AnswerReminderDue";
        public static final String REMIND_WORKER_OF_ANSWER = "Task_RemindWorkerOfAnswer";
        public static final String CHASE_ORGANISATION = "Task_ChaseOrganisation";
        public static final String ANSWER_OVERDUE = "Timer_AnswerOverdue";
        public static final String ESCALATE_UNANSWERED_REFERRAL = "Task_EscalateUnansweredReferral";
        public static final String TELL_WORKER_OF_ESCALATION = "Task_TellWorkerOfEscalation";
        public static final String UPDATE_ONWARD_REFERRAL = "Task_UpdateOnwardReferral";
        public static final String ORGANISATION_ANSWERED = "EndEvent_OrganisationAnswered";

        private Elements() {
        }
    }

    public static final class Forms {
        public static final String CONSENT_TO_SHARE = "consent-to-share";
        public static final String RECORD_ANSWER = "record-onward-referral-answer";

        private Forms() {
        }
    }

    /** Header of the outcome worker on the "not sent" path. */
    public static final String OUTCOME_HEADER = "outcome";

    private OnwardReferralIds() {
    }
}
