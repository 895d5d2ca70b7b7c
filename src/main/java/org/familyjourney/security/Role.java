package org.familyjourney.security;

import java.util.Optional;

/** What a user may do; some roles also make the user a candidate for a group's tasks. */
public enum Role {
    WORKER("workers"),
    MANAGER("managers"),
    SAFEGUARDING_LEAD("safeguarding-leads"),
    AUDITOR(null),
    ADMIN(null);

    private final String candidateGroup;

    Role(String candidateGroup) {
        this.candidateGroup = candidateGroup;
    }

    /** The candidate group of the models' user tasks that this role belongs to, if any. */
    public Optional<String> candidateGroup() {
        return Optional.ofNullable(candidateGroup);
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
