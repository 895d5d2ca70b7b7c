package org.familyjourney.audit;

import java.util.EnumSet;
import java.util.Set;
import org.familyjourney.journey.JourneyKind;

/** The groups an auditor filters a case's timeline by; every journey kind falls in exactly one. */
public enum TimelineGroup {
    TASKS(EnumSet.of(JourneyKind.TASK_CREATED, JourneyKind.TASK_CLAIMED, JourneyKind.TASK_RELEASED, JourneyKind.TASK_ASSIGNED,
            JourneyKind.TASK_COMPLETED, JourneyKind.TASK_CANCELED, JourneyKind.AUTOMATED_STEP,
            JourneyKind.INCIDENT_RAISED, JourneyKind.INCIDENT_RETRIED, JourneyKind.INCIDENT_RESOLVED)),
    DEADLINES(EnumSet.of(JourneyKind.DEADLINE_SET, JourneyKind.DEADLINE_MET, JourneyKind.DEADLINE_MISSED,
            JourneyKind.REMINDER_SENT, JourneyKind.ESCALATION_RAISED)),
    SAFEGUARDING(EnumSet.of(JourneyKind.REFERRAL_SCREENED, JourneyKind.SAFEGUARDING_CONCERN_RAISED,
            JourneyKind.SAFEGUARDING_DECISION_RECORDED, JourneyKind.CASE_STEPPED_UP)),
    APPROVALS(EnumSet.of(JourneyKind.APPROVAL_DECIDED)),
    /** Who looked at the family's record: the access log, merged into the timeline. */
    ACCESS(EnumSet.noneOf(JourneyKind.class)),
    /** Everything else: referral, case changes, letters and emails, sessions, meetings, signposting. */
    CASEWORK(EnumSet.noneOf(JourneyKind.class));

    private final Set<JourneyKind> kinds;

    TimelineGroup(Set<JourneyKind> kinds) {
        this.kinds = kinds;
    }

    public static TimelineGroup of(JourneyKind kind) {
        for (TimelineGroup group : values()) {
            if (group.kinds.contains(kind)) {
                return group;
            }
        }
        return CASEWORK;
    }
}
