package org.familyjourney.journey;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Appends entries to the hash chain. Every entry's hash covers the one before it, so entries are
 * appended one transaction at a time under the lock of the single chain head, held until commit.
 * To keep that lock short, a transaction's entries are written just before it commits rather than when
 * recorded: the lock then spans a few inserts and the commit, not the rest of the transaction's work
 * (engine calls, emails, other writes), which had made every step of every case queue behind it.
 */
@Component
class JourneyChain {

    /** An entry as recorded, waiting for its transaction's commit. */
    record Pending(java.time.Instant at, String caseReference, String kind, String step, String actor, String summary,
                   String details, String freeText) {
    }

    private final JdbcTemplate jdbc;

    JourneyChain(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void append(Pending entry) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            write(List.of(entry));
            return;
        }
        entriesOfThisTransaction().add(entry);
    }

    /** Writes this transaction's entries now, so that it can read them back. */
    void flush() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
                if (synchronization instanceof Entries entries) {
                    entries.beforeCommit(false);
                }
            }
        }
    }

    /** Takes the chain head now, for the rest of the caller's transaction. */
    void lockHead() {
        jdbc.queryForObject("SELECT last_hash FROM journey_chain_head WHERE id = 1 FOR UPDATE", String.class);
    }

    /**
     * The transaction's own buffer. It is kept in a synchronization, not a bound resource: a transaction
     * started inside this one (REQUIRES_NEW) gets synchronizations of its own, so its entries are
     * committed with it, not with this one.
     */
    private List<Pending> entriesOfThisTransaction() {
        for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
            if (synchronization instanceof Entries entries) {
                return entries.pending;
            }
        }
        Entries entries = new Entries();
        TransactionSynchronizationManager.registerSynchronization(entries);
        return entries.pending;
    }

    private final class Entries implements TransactionSynchronization {
        private final List<Pending> pending = new ArrayList<>();

        @Override
        public void beforeCommit(boolean readOnly) {
            if (!pending.isEmpty()) {
                List<Pending> now = List.copyOf(pending);
                pending.clear();
                write(now);
            }
        }
    }

    private void write(List<Pending> entries) {
        write(jdbc, entries);
    }

    /** Appends entries on the caller's connection and transaction: the app's, or a migration's (the schema owner's). */
    static void write(JdbcTemplate jdbc, List<Pending> entries) {
        String previous = jdbc.queryForObject("SELECT last_hash FROM journey_chain_head WHERE id = 1 FOR UPDATE", String.class);
        long last = 0;
        for (Pending e : entries) {
            String hash = JourneyHash.of(previous, e.caseReference(), e.at(), e.kind(), e.step(), e.actor(), e.summary(), e.details());
            last = insert(jdbc, e, previous, hash);
            if (e.freeText() != null) {
                jdbc.update("INSERT INTO journey_entry_text (entry_id, case_reference, content) VALUES (?, ?, ?)",
                        last, e.caseReference(), e.freeText());
            }
            previous = hash;
        }
        jdbc.update("UPDATE journey_chain_head SET last_id = ?, last_hash = ? WHERE id = 1", last, previous);
    }

    private static long insert(JdbcTemplate jdbc, Pending e, String previous, String hash) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO journey_entry (case_reference, occurred_at, kind, step, actor, summary, details, previous_hash, entry_hash)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", new String[] {"id"});
            insert.setString(1, e.caseReference());
            insert.setTimestamp(2, Timestamp.from(e.at()));
            insert.setString(3, e.kind());
            insert.setString(4, e.step());
            insert.setString(5, e.actor());
            insert.setString(6, e.summary());
            insert.setString(7, e.details());
            insert.setString(8, previous);
            insert.setString(9, hash);
            return insert;
        }, key);
        return key.getKey().longValue();
    }
}
