package org.familyjourney.casework;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.familyjourney.security.RecordAccess;
import org.familyjourney.security.StaffMember;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds cases by reference, family name, postcode, date range, worker, status or current step.
 * Only cases the person may read are found ({@link RecordAccess}: teams, restricted records); every
 * case in a result leaves an access trace, since a result shows the family's name.
 */
@Service
public class CaseSearch {

    static final int MAX_RESULTS = 100;
    private static final ZoneId UK = ZoneId.of("Europe/London");

    private final NamedParameterJdbcTemplate jdbc;
    private final CaseAccess access;
    private final RecordAccess records;

    CaseSearch(NamedParameterJdbcTemplate jdbc, CaseAccess access, RecordAccess records) {
        this.jdbc = jdbc;
        this.access = access;
        this.records = records;
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
        MapSqlParameterSource args = records.params(who);
        if (present(criteria.reference())) {
            sql.append(" AND c.reference LIKE :reference");
            args.addValue("reference", criteria.reference().strip().toUpperCase(Locale.ROOT) + "%");
        }
        if (present(criteria.name())) {
            sql.append(" AND (r.parent_name LIKE :name OR EXISTS (SELECT 1 FROM referral_child k WHERE k.referral_id = r.id AND k.name LIKE :name))");
            String like = "%" + escapeLike(criteria.name().strip()) + "%";
            args.addValue("name", like);
        }
        if (present(criteria.postcode())) {
            sql.append(" AND r.postcode_key LIKE :postcode");
            args.addValue("postcode", criteria.postcode().replace(" ", "").toUpperCase(Locale.ROOT) + "%");
        }
        if (criteria.openedFrom() != null) {
            sql.append(" AND c.opened_at >= :openedFrom");
            args.addValue("openedFrom", Timestamp.from(criteria.openedFrom().atStartOfDay(UK).toInstant()));
        }
        if (criteria.openedTo() != null) {
            sql.append(" AND c.opened_at < :openedTo");
            args.addValue("openedTo", Timestamp.from(criteria.openedTo().plusDays(1).atStartOfDay(UK).toInstant()));
        }
        if (present(criteria.worker())) {
            sql.append(" AND c.worker = :worker");
            args.addValue("worker", criteria.worker().strip());
        }
        if (criteria.status() != null) {
            sql.append(" AND c.status = :status");
            args.addValue("status", criteria.status().name());
        }
        if (present(criteria.step())) {
            sql.append(" AND EXISTS (SELECT 1 FROM user_task t WHERE t.case_reference = c.reference AND t.state = 'OPEN'"
                    + " AND (t.element_id = :step OR t.name LIKE :stepName))");
            args.addValue("step", criteria.step().strip());
            args.addValue("stepName", "%" + escapeLike(criteria.step().strip()) + "%");
        }
        sql.append(" AND ").append(records.readableCase("c.reference", who));
        sql.append(" ORDER BY c.opened_at DESC LIMIT ").append(MAX_RESULTS);
        List<Found> found = jdbc.query(sql.toString(), args, (rs, row) -> new Found(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getTimestamp(4).toInstant(), rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant(),
                rs.getString(6), rs.getString(7), rs.getString(8)));
        access.recordViews(found.stream().map(Found::reference).toList(), who, "search result");
        return found;
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
