package org.familyjourney.consent;

/** What a family can agree to: each sharing step checks the scope it needs. */
public enum ConsentScope {
    /** Family support itself: the service working with the family. */
    SUPPORT("family support"),
    /** Sharing information with onward services (all of them, or one named organisation). */
    SHARE_WITH_SERVICES("sharing information with onward services"),
    /** Contacting the children's school and inviting it to meetings. */
    CONTACT_SCHOOL("contacting the school");

    private final String label;

    ConsentScope(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
