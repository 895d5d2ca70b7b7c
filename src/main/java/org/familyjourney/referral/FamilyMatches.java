package org.familyjourney.referral;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Other cases of the same family. The same parent (name and postcode) or the same child (name and
 * date of birth) is the same family; a shared phone or email makes a possible duplicate to check.
 */
@Component
class FamilyMatches {

    private final JdbcTemplate jdbc;

    FamilyMatches(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record Match(String reference, boolean open, boolean sameFamily) {
    }

    record Found(String existingOpenCase, List<String> possibleDuplicates) {
    }

    Found forReferral(Referral referral, String ownCase) {
        List<Match> matches = new ArrayList<>();
        Referral.Parent parent = referral.parent();
        if (parent != null && parent.name() != null && parent.postcode() != null) {
            matches.addAll(query("""
                    SELECT c.reference, c.closed_at IS NULL FROM family_case c JOIN referral r ON r.id = c.referral_id
                    WHERE c.reference <> ? AND r.parent_name_key = ? AND r.postcode_key = ?""",
                    true, ownCase, normal(parent.name()), parent.postcode().toUpperCase(Locale.ROOT).replace(" ", "")));
        }
        for (Referral.Child child : referral.children()) {
            if (child.name() != null && child.dateOfBirth() != null) {
                matches.addAll(query("""
                        SELECT c.reference, c.closed_at IS NULL FROM family_case c JOIN referral_child ch ON ch.referral_id = c.referral_id
                        WHERE c.reference <> ? AND ch.name_key = ? AND ch.date_of_birth = ?""",
                        true, ownCase, normal(child.name()), java.sql.Date.valueOf(child.dateOfBirth())));
            }
        }
        if (parent != null && parent.phone() != null) {
            matches.addAll(query("""
                    SELECT c.reference, c.closed_at IS NULL FROM family_case c JOIN referral r ON r.id = c.referral_id
                    WHERE c.reference <> ? AND r.parent_phone_key = ?""",
                    false, ownCase, parent.phone().replace(" ", "")));
        }
        if (parent != null && parent.email() != null) {
            matches.addAll(query("""
                    SELECT c.reference, c.closed_at IS NULL FROM family_case c JOIN referral r ON r.id = c.referral_id
                    WHERE c.reference <> ? AND r.parent_email_key = ?""",
                    false, ownCase, parent.email().toLowerCase(Locale.ROOT)));
        }
        String open = matches.stream().filter(m -> m.open() && m.sameFamily()).map(Match::reference)
                .max(String::compareTo).orElse(null);
        Set<String> duplicates = new LinkedHashSet<>();
        matches.stream().map(Match::reference).sorted().forEach(duplicates::add);
        return new Found(open, List.copyOf(duplicates));
    }

    private List<Match> query(String sql, boolean sameFamily, Object... arguments) {
        return jdbc.query(sql, (rs, row) -> new Match(rs.getString(1), rs.getBoolean(2), sameFamily), arguments);
    }

    private static String normal(String name) {
        return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
