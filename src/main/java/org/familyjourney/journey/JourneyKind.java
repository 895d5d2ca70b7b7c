package org.familyjourney.journey;

/** What kind of step a journey entry records; auditors filter the timeline by these. */
public enum JourneyKind {
    REFERRAL_RECEIVED,
    CASE_OPENED,
    CASE_UPDATED,
    CASE_CLOSED,
    CASE_REOPENED,
    TASK_CREATED,
    TASK_CLAIMED,
    TASK_RELEASED,
    TASK_ASSIGNED,
    TASK_COMPLETED,
    TASK_CANCELED,
    /** A manager's decision on an approval step (plan, assessment, closure), with its comment. */
    APPROVAL_DECIDED,
    AUTOMATED_STEP,
    DEADLINE_SET,
    DEADLINE_MET,
    DEADLINE_MISSED,
    REMINDER_SENT,
    ESCALATION_RAISED,
    NOTIFICATION_SENT,
    // Called processes and casework: safeguarding, school advocacy, signposting, 1:1 sessions.
    REFERRAL_SCREENED,
    SAFEGUARDING_CONCERN_RAISED,
    SAFEGUARDING_DECISION_RECORDED,
    CASE_STEPPED_UP,
    SCHOOL_MEETING_RECORDED,
    CONSENT_RECORDED,
    CONSENT_WITHDRAWN,
    /** Sharing without consent as the law allows (safeguarding); the reason is in the override record. */
    CONSENT_OVERRIDDEN,
    ONWARD_REFERRAL_RECORDED,
    SESSION_RECORDED,
    /** A case and its open tasks moved to another worker by a manager (caseload reassignment). */
    CASE_REASSIGNED,
    /** An automated step failed after its retries: the engine holds it until a manager retries it. */
    INCIDENT_RAISED,
    INCIDENT_RETRIED,
    INCIDENT_RESOLVED,
    /** A new version of a process model reached the engine; such entries have no case reference. */
    PROCESS_DEPLOYED,
    /** A case was restricted to named people, or someone was named on a restricted case. */
    RECORD_RESTRICTED,
    /** A safeguarding lead lifted a case's restriction, with the reason; the case is seen as any other again. */
    RECORD_RESTRICTION_LIFTED,
    /** A new embedded engine run re-created the case's journey at the steps where it stood. */
    JOURNEY_RECOVERED,
    /** Retention: a closed case's personal data replaced by placeholders; the journey's skeleton stays. */
    CASE_ANONYMISED,
    /** Erasure on a valid request; the entry names who erased and on what grounds, never the family. */
    CASE_ERASED,
    /**
     * The chain rebuilt once by migration V120: the free text that entries written before V105 held in their
     * hashed details moved beside the chain and every entry from the first one changed re-hashed. A service
     * entry: how many entries moved, the first one re-hashed and the head's hash before.
     */
    JOURNEY_REHASHED
}
