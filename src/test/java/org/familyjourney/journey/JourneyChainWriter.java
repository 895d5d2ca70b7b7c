package org.familyjourney.journey;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Appends many journey entries at once for seeded data (the benchmark), chained exactly as
 * {@link JourneyLog} chains one: the head is locked for the caller's transaction, every entry's hash
 * covers the one before it, and the head names the last. The chain check then passes over seeded
 * entries like any others. The caller commits; the connection must not auto-commit.
 */
public final class JourneyChainWriter {

    public record Entry(String caseReference, Instant occurredAt, String kind, String step, String actor, String summary,
                        String details) {
    }

    private JourneyChainWriter() {
    }

    public static void append(Connection connection, List<Entry> entries) throws SQLException {
        if (entries.isEmpty()) {
            return;
        }
        String previous;
        try (PreparedStatement head = connection.prepareStatement("SELECT last_hash FROM journey_chain_head WHERE id = 1 FOR UPDATE");
             ResultSet rs = head.executeQuery()) {
            rs.next();
            previous = rs.getString(1);
        }
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO journey_entry (case_reference, occurred_at, kind, step, actor, summary, details, previous_hash, entry_hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (Entry e : entries) {
                Instant at = e.occurredAt().truncatedTo(ChronoUnit.MICROS);
                String hash = JourneyHash.of(previous, e.caseReference(), at, e.kind(), e.step(), e.actor(), e.summary(), e.details());
                insert.setString(1, e.caseReference());
                insert.setTimestamp(2, Timestamp.from(at));
                insert.setString(3, e.kind());
                insert.setString(4, e.step());
                insert.setString(5, e.actor());
                insert.setString(6, e.summary());
                insert.setString(7, e.details());
                insert.setString(8, previous);
                insert.setString(9, hash);
                insert.addBatch();
                previous = hash;
            }
            insert.executeBatch();
        }
        // Every other writer waits for the head lock before inserting, so the newest id is this batch's last.
        try (PreparedStatement head = connection.prepareStatement(
                "UPDATE journey_chain_head SET last_id = (SELECT MAX(id) FROM journey_entry), last_hash = ? WHERE id = 1")) {
            head.setString(1, previous);
            head.executeUpdate();
        }
    }
}
