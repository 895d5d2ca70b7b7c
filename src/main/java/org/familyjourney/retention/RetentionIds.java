package org.familyjourney.retention;

/** Ids of bpmn/case-retention.bpmn, mirrored here so code and tests name the same elements. */
public final class RetentionIds {

    public static final String PROCESS = "case-retention";
    public static final String ANONYMISE_CASE = "anonymise-case";

    public static final class Elements {
        public static final String CASE_CLOSED = "StartEvent_CaseClosed";
        public static final String RETENTION_PERIOD_ENDED = "Timer_RetentionPeriodEnded";
        public static final String ANONYMISE_CASE = "Task_AnonymiseCase";
        public static final String CASE_ANONYMISED = "EndEvent_CaseAnonymised";

        private Elements() {
        }
    }

    private RetentionIds() {
    }
}
