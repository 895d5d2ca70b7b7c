package org.familyjourney.processes;

/** Ids of bpmn/safeguarding-concern.bpmn, its job types, forms and message, mirrored from the diagram. */
public final class SafeguardingIds {

    public static final String PROCESS = "safeguarding-concern";
    /** Published when staff raise a concern; the journey's event subprocess calls {@link #PROCESS}. */
    public static final String CONCERN_RAISED_MESSAGE = "safeguarding-concern-raised";
    public static final String CONCERN_ALREADY_WITH_DSL = "CONCERN_ALREADY_WITH_DSL";

    public static final class JobTypes {
        public static final String SCREEN_REFERRAL = "screen-referral";
        public static final String SEND_CONCERN_TO_DSL = "send-concern-to-dsl";
        public static final String RECORD_SAFEGUARDING_DECISION = "record-safeguarding-decision";
        public static final String RECORD_STEP_UP = "record-step-up";
        public static final String RECORD_SOCIAL_CARE_REFERRAL = "record-social-care-referral";

        private JobTypes() {
        }
    }

    public static final class Elements {
        public static final String SCHEDULE_DSL_DECISION = "Task_ScheduleDslDecision";
        public static final String SEND_CONCERN_TO_DSL = "Task_SendConcernToDsl";
        public static final String DECIDE_ON_CONCERN = "Task_DecideOnConcern";
        public static final String DSL_DECISION_OVERDUE = "Timer_DslDecisionOverdue";
        public static final String ESCALATE_UNDECIDED_CONCERN = "Task_EscalateUndecidedConcern";
        public static final String RECORD_SAFEGUARDING_DECISION = "Task_RecordSafeguardingDecision";
        public static final String RECORD_STEP_UP = "Task_RecordStepUp";
        public static final String RECORD_SOCIAL_CARE_REFERRAL = "Task_RecordSocialCareReferral";
        public static final String FILE_SOCIAL_CARE_REFERRAL = "Task_FileSocialCareReferral";
        public static final String CONCERN_DECIDED = "EndEvent_ConcernDecided";
        public static final String CASE_STEPPED_UP = "EndEvent_CaseSteppedUp";
        public static final String ALREADY_WITH_DSL = "EndEvent_AlreadyWithDsl";

        private Elements() {
        }
    }

    public static final class Forms {
        public static final String SAFEGUARDING_DECISION = "safeguarding-decision";
        public static final String RECORD_SOCIAL_CARE_REFERRAL = "record-social-care-referral";

        private Forms() {
        }
    }

    /** The escalation kind the overdue decision raises. */
    public static final String DECISION_OVERDUE = "SAFEGUARDING_DECISION_OVERDUE";
    public static final String DECISION_TIMESCALE = "safeguarding-decision";

    private SafeguardingIds() {
    }
}
