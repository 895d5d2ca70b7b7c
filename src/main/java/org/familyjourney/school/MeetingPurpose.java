package org.familyjourney.school;

/** Why a school advocacy meeting is held (the arrange-school-meeting form). */
public enum MeetingPurpose {
    ATTENDANCE("School attendance"),
    TRUANCY_LETTERS("Truancy letters or fines"),
    BEHAVIOUR("Behaviour"),
    EXCLUSION("Exclusion or reduced timetable"),
    SUPPORT_PLAN("Support plan"),
    OTHER("Other");

    private final String label;

    MeetingPurpose(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
