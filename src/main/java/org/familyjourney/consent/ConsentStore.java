package org.familyjourney.consent;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The consent and consent_override tables. */
@Repository
class ConsentStore {

    private final JdbcTemplate jdbc;

    ConsentStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<ConsentRecord> of(String caseReference) {
        return jdbc.query("SELECT * FROM consent WHERE case_reference = ? ORDER BY given_at, id", ConsentStore::consent, caseReference);
    }

    List<ConsentOverride> overridesOf(String caseReference) {
        return jdbc.query("SELECT * FROM consent_override WHERE case_reference = ? ORDER BY overridden_at, id",
                ConsentStore::override, caseReference);
    }

    /** Inserts a consent; with a referral scope key, a second copy of the referral's consent is ignored (0). */
    long insert(String caseReference, ConsentScope scope, String sharedWith, String givenBy, Instant givenAt, String source,
                String recordedBy, Instant recordedAt, String referralScope) {
        return insertIgnore("""
                INSERT IGNORE INTO consent (case_reference, scope, shared_with, given_by, given_at, source, recorded_by,
                    recorded_at, referral_scope) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", caseReference, scope.name(), sharedWith,
                givenBy, Timestamp.from(givenAt), source, recordedBy, Timestamp.from(recordedAt), referralScope);
    }

    boolean withdraw(long id, String caseReference, String withdrawnBy, String recordedBy, String reason, Instant at) {
        return jdbc.update("""
                UPDATE consent SET withdrawn_at = ?, withdrawn_by = ?, withdrawal_recorded_by = ?, withdrawal_reason = ?
                WHERE id = ? AND case_reference = ? AND withdrawn_at IS NULL""",
                Timestamp.from(at), withdrawnBy, recordedBy, reason, id, caseReference) == 1;
    }

    /** Inserts an override; a job's second delivery (same jobRef) inserts nothing and returns 0. */
    long insertOverride(String caseReference, ConsentScope scope, String sharedWith, String reason, String by, Instant at,
                        String jobRef) {
        return insertIgnore("""
                INSERT IGNORE INTO consent_override (case_reference, scope, shared_with, reason, overridden_by,
                    overridden_at, job_ref) VALUES (?, ?, ?, ?, ?, ?, ?)""", caseReference, scope.name(), sharedWith, reason, by,
                Timestamp.from(at), jobRef);
    }

    /** The new row's id, or 0 when INSERT IGNORE found it there already. */
    private long insertIgnore(String sql, Object... values) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        int rows = jdbc.update(connection -> {
            var insert = connection.prepareStatement(sql, new String[] {"id"});
            for (int i = 0; i < values.length; i++) {
                insert.setObject(i + 1, values[i]);
            }
            return insert;
        }, key);
        return rows == 1 && key.getKey() != null ? key.getKey().longValue() : 0;
    }

    private static ConsentRecord consent(ResultSet rs, int row) throws SQLException {
        return new ConsentRecord(rs.getLong("id"), rs.getString("case_reference"), ConsentScope.valueOf(rs.getString("scope")),
                rs.getString("shared_with"), rs.getString("given_by"), instant(rs, "given_at"), rs.getString("source"),
                rs.getString("recorded_by"), instant(rs, "recorded_at"), instant(rs, "withdrawn_at"),
                rs.getString("withdrawn_by"), rs.getString("withdrawal_recorded_by"), rs.getString("withdrawal_reason"));
    }

    private static ConsentOverride override(ResultSet rs, int row) throws SQLException {
        return new ConsentOverride(rs.getLong("id"), rs.getString("case_reference"), ConsentScope.valueOf(rs.getString("scope")),
                rs.getString("shared_with"), rs.getString("reason"), rs.getString("overridden_by"), instant(rs, "overridden_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
