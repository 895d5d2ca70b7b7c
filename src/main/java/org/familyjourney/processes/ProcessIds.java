package org.familyjourney.processes;

/** Ids of the models in bpmn/ and the job types of their service tasks, mirrored from the diagrams. */
public final class ProcessIds {

    public static final String FAMILY_JOURNEY = "family-journey";

    /** Job types served by this app's workers; the model check of deploys refers to them too. */
    public static final class JobTypes {
        public static final String USER_TASK = "io.camunda.zeebe:userTask";
        public static final String REGISTER_REFERRAL = "register-referral";
        public static final String SCHEDULE_DEADLINE = "schedule-deadline";
        public static final String ASSIGN_CASE = "assign-case";
        public static final String CLOSE_CASE = "close-case";
        public static final String SEND_REMINDER = "send-reminder";
        public static final String RAISE_ESCALATION = "raise-escalation";
        public static final String SEND_REFERRER_LETTER = "send-referrer-letter";
        public static final String SEND_CLOSURE_SUMMARY = "send-closure-summary";
        public static final String REOPEN_CASE = "reopen-case";
        public static final String WITHDRAW_ENDED_TASKS = "withdraw-ended-tasks";

        private JobTypes() {
        }
    }

    /** Elements of family-journey.bpmn that the app starts at or refers to. */
    public static final class Elements {
        public static final String REOPEN_CASE = "Task_ReopenCase";
        public static final String ASSESS_FAMILY = "Task_AssessFamily";
        public static final String AGREE_ACTION_PLAN = "Task_AgreeActionPlan";
        public static final String APPROVE_ACTION_PLAN = "Task_ApproveActionPlan";
        public static final String REVIEW_PROGRESS = "Task_ReviewProgress";
        public static final String CLOSE_CASE = "Task_CloseCase";

        private Elements() {
        }
    }

    /** Custom task headers our workers read. */
    public static final class Headers {
        public static final String DEADLINE = "deadline";
        public static final String TIMESCALE = "timescale";
        public static final String ESCALATE_AFTER = "escalateAfter";
        public static final String FROM = "from";
        public static final String LETTER = "letter";
        public static final String STATUS = "status";
        public static final String KIND = "kind";
        public static final String MESSAGE = "message";
        public static final String NOT_COMPLETABLE_BY = "notCompletableBy";
        public static final String COMPLETED_BY_VARIABLE = "completedByVariable";

        private Headers() {
        }
    }

    private ProcessIds() {
    }
}
