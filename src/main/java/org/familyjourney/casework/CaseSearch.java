package org.familyjourney.casework;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.familyjourney.security.Role;
import org.familyjourney.security.StaffMember;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds cases by reference, family name, postcode, date range, worker, status or current step.
 * Workers find only cases they hold; every case in a result leaves an access trace, since a result
 * shows the family's name.
 */
@Service
public class CaseSearch {

    static final int MAX_RESULTS = 100;
    private static final ZoneId UK = ZoneId.of("Europe/London");

    private final JdbcTemplate jdbc;
    private final CaseAccess access;

    CaseSearch(JdbcTemplate jdbc, CaseAccess access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    public record Criteria(String reference, String name, String postcode, LocalDate openedFrom, LocalDate openedTo,
                           String worker, CaseStatus status, String step) {
    }

    public record Found(String reference, String status, String worker, Instant openedAt, Instant closedAt,
                        String parentName, String postcode, String source) {
    }

    @Transactional
    public List<Found> search(Criteria criteria, StaffMember who) {
        StringBuilder sql = new StringBuilder("""
                SELECT c.reference, c.status, c.worker, c.opened_at, c.closed_at, r.parent_name, r.parent_postcode, r.source
                FROM family_case c JOIN referral r ON r.id = c.referral_id WHERE 1 = 1""");
        List<Object> args = new ArrayList<>();
        if (present(criteria.reference())) {
            sql.append(" AND c.reference LIKE ?");
            args.add(criteria.reference().strip().toUpperCase(Locale.ROOT) + "%");
        }
        if (present(criteria.name())) {
            sql.append(" AND (r.parent_name LIKE ? OR EXISTS (SELECT 1 FROM referral_child k WHERE k.referral_id = r.id AND k.name LIKE ?))");
            String like = "%" + escapeLike(criteria.name().strip()) + "%";
            args.add(like);
            args.add(like);
        }
        if (present(criteria.postcode())) {
            sql.append(" AND r.postcode_key LIKE ?");
            args.add(criteria.postcode().replace(" ", "").toUpperCase(Locale.ROOT) + "%");
        }
        if (criteria.openedFrom() != null) {
            sql.append(" AND c.opened_at >= ?");
            args.add(Timestamp.from(criteria.openedFrom().atStartOfDay(UK).toInstant()));
        }
        if (criteria.openedTo() != null) {
            sql.append(" AND c.opened_at < ?");
            args.add(Timestamp.from(criteria.openedTo().plusDays(1).atStartOfDay(UK).toInstant()));
        }
        if (present(criteria.worker())) {
            sql.append(" AND c.worker = ?");
            args.add(criteria.worker().strip());
        }
        if (criteria.status() != null) {
            sql.append(" AND c.status = ?");
            args.add(criteria.status().name());
        }
        if (present(criteria.step())) {
            sql.append(" AND EXISTS (SELECT 1 FROM user_task t WHERE t.case_reference = c.reference AND t.state = 'OPEN'"
                    + " AND (t.element_id = ? OR t.name LIKE ?))");
            args.add(criteria.step().strip());
            args.add("%" + escapeLike(criteria.step().strip()) + "%");
        }
        if (!mayReadAll(who)) {
            sql.append(" AND c.worker = ?");
            args.add(who.username());
        }
        sql.append(" ORDER BY c.opened_at DESC LIMIT ").append(MAX_RESULTS);
        List<Found> found = jdbc.query(sql.toString(), (rs, row) -> new Found(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getTimestamp(4).toInstant(), rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant(),
                rs.getString(6), rs.getString(7), rs.getString(8)), args.toArray());
        access.recordViews(found.stream().map(Found::reference).toList(), who, "search result");
        return found;
    }

    private static boolean mayReadAll(StaffMember who) {
        return who.has(Role.MANAGER) || who.has(Role.AUDITOR) || who.has(Role.SAFEGUARDING_LEAD);
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
