package org.familyjourney.casework;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The case page's "Restricted record" card: whether the record is restricted, why, by whom and when,
 * who is named, and the staff who could be named (enabled accounts with a family role, not named yet; before
 * the record is restricted, not the case worker or the reader either: restricting names both anyway).
 * Which forms it offers depends on the reader's roles (cases/cards.html); the rules are {@link CaseRestrictions}'.
 */
@Component
public class RestrictionCard implements CaseCard {

    static final String NAME = "restriction";

    private final CaseRestrictions restrictions;
    private final JdbcTemplate jdbc;

    RestrictionCard(CaseRestrictions restrictions, JdbcTemplate jdbc) {
        this.restrictions = restrictions;
        this.jdbc = jdbc;
    }

    /** Who reads the case page: the card is filled while its request is handled. */
    private static String reader() {
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        return signedIn == null ? "" : signedIn.getName();
    }

    public record Choice(String username, String displayName) {
    }

    public record Content(CaseRestrictions.Restriction restriction, List<Choice> staffToName) {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Content contentFor(String caseReference) {
        CaseRestrictions.Restriction restriction = restrictions.of(caseReference);
        String namedAnyway = restriction.restricted() ? null : reader();
        List<Choice> choices = jdbc.query("""
                SELECT u.username, u.display_name FROM app_user u WHERE u.enabled
                AND EXISTS (SELECT 1 FROM app_user_role r WHERE r.username = u.username
                            AND r.role IN ('WORKER', 'MANAGER', 'SAFEGUARDING_LEAD', 'AUDITOR'))
                AND NOT EXISTS (SELECT 1 FROM case_restriction_person p WHERE p.case_reference = ? AND p.username = u.username)
                AND NOT (? AND u.username IN (?, COALESCE((SELECT c.worker FROM family_case c WHERE c.reference = ?), '')))
                ORDER BY u.display_name, u.username""", (rs, row) -> new Choice(rs.getString(1), rs.getString(2)),
                caseReference, namedAnyway != null, namedAnyway, caseReference);
        return new Content(restriction, choices);
    }
}
