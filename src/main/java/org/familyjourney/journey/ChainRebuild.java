package org.familyjourney.journey;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Walks the chain from its first entry, as {@link JourneyChainCheck} does, and from the first entry whose
 * content changes writes every entry again with its new content and its hash chained to the new hash
 * before it ({@link JourneyHash}). It refuses to re-hash an entry that does not verify as it stands:
 * that would make a change made behind the app's back look as written.
 */
final class ChainRebuild {

    /** An entry as stored. */
    record Row(long id, String caseReference, Instant occurredAt, String kind, String step, String actor, String summary,
               String details, String previousHash, String entryHash, boolean hasText) {

        static Row of(ResultSet rs, int n) throws SQLException {
            return new Row(rs.getLong("id"), rs.getString("case_reference"), rs.getTimestamp("occurred_at").toInstant(),
                    rs.getString("kind"), rs.getString("step"), rs.getString("actor"), rs.getString("summary"), rs.getString("details"),
                    rs.getString("previous_hash"), rs.getString("entry_hash"), rs.getBoolean("has_text"));
        }

        String hash(String previous, String newSummary, String newDetails) {
            return JourneyHash.of(previous, caseReference, occurredAt, kind, step, actor, newSummary, newDetails);
        }
    }

    /** An entry's new summary and hashed details, and the free text that goes beside it. */
    record Moved(String summary, String details, String freeText) {
    }

    private final JdbcTemplate owner;
    private final List<Object[]> rewritten = new ArrayList<>();
    private final List<Object[]> texts = new ArrayList<>();
    private String storedBefore = JourneyHash.GENESIS;
    private String newBefore = JourneyHash.GENESIS;
    private long lastVisited;
    private Long firstChanged;
    private int moved;
    private int rehashed;

    ChainRebuild(JdbcTemplate owner) {
        this.owner = owner;
    }

    /** The next entry of the chain, with what moves out of it (null: its content stays). */
    void visit(Row row, Moved change) {
        boolean verifies = row.previousHash().equals(storedBefore)
                && row.hash(row.previousHash(), row.summary(), row.details()).equals(row.entryHash());
        // A break before the first entry changed is left as it is, where the chain check still finds it.
        if (!verifies && (firstChanged != null || change != null)) {
            throw new IllegalStateException("The journey log does not verify at entry " + row.id()
                    + ": it is not re-hashed, as that would make the change look as written. Check the chain (/audit/chain) first.");
        }
        if (change != null && firstChanged == null) {
            firstChanged = row.id();
        }
        String newHash = row.entryHash();
        if (firstChanged != null) {
            String summary = change == null ? row.summary() : change.summary();
            String details = change == null ? row.details() : change.details();
            newHash = row.hash(newBefore, summary, details);
            rewritten.add(new Object[] {summary, details, newBefore, newHash, row.id()});
            rehashed++;
        }
        if (change != null) {
            texts.add(new Object[] {row.id(), row.caseReference(), change.freeText()});
            moved++;
        }
        storedBefore = row.entryHash();
        newBefore = newHash;
        lastVisited = row.id();
    }

    /** Writes what the visits so far changed. */
    void flush() {
        if (!rewritten.isEmpty()) {
            owner.batchUpdate("UPDATE journey_entry SET summary = ?, details = ?, previous_hash = ?, entry_hash = ? WHERE id = ?",
                    rewritten);
            rewritten.clear();
        }
        if (!texts.isEmpty()) {
            owner.batchUpdate("INSERT INTO journey_entry_text (entry_id, case_reference, content) VALUES (?, ?, ?)", texts);
            texts.clear();
        }
    }

    /** The walk must have ended at the head, or entries at the end are missing and re-hashing would hide that. */
    void checkEndsAt(long lastId, String headHash) {
        if (firstChanged != null && (lastVisited != lastId || !storedBefore.equals(headHash))) {
            throw new IllegalStateException("The journey log ends before its head's last entry " + lastId
                    + ": it is not re-hashed, as that would hide the removal. Check the chain (/audit/chain) first.");
        }
    }

    Long firstChanged() {
        return firstChanged;
    }

    String lastHash() {
        return newBefore;
    }

    int moved() {
        return moved;
    }

    int rehashed() {
        return rehashed;
    }
}
