package org.familyjourney.journey;

import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Verifies the journey log's hash chain from the first entry to the head, and names the first entry
 * that was changed, removed or inserted behind the app's back.
 */
@Component
public class JourneyChainCheck {

    private final JdbcTemplate streaming;

    JourneyChainCheck(DataSource dataSource) {
        this.streaming = new JdbcTemplate(dataSource);
        // Connector/J streams rows one by one with this fetch size, so a long log needs little memory.
        this.streaming.setFetchSize(Integer.MIN_VALUE);
    }

    /** The outcome: intact, or the first broken entry and what is wrong with it. */
    public record Verdict(boolean intact, long entriesChecked, Long firstBrokenEntry, String problem) {
    }

    public Verdict verify() {
        // The head first: entries keep arriving while the check runs, and every entry up to the head's
        // last one was committed with (or before) it, so this is the part of the log the check can judge.
        var head = streaming.queryForMap("SELECT last_id, last_hash FROM journey_chain_head WHERE id = 1");
        long lastId = ((Number) head.get("last_id")).longValue();
        Walk walk = new Walk();
        streaming.query("""
                SELECT id, case_reference, occurred_at, kind, step, actor, summary, details, previous_hash, entry_hash
                FROM journey_entry WHERE id <= ? ORDER BY id""", walk::visit, lastId);
        if (walk.broken != null) {
            return new Verdict(false, walk.checked, walk.broken, walk.problem);
        }
        if (walk.lastId != lastId || !walk.lastHash.equals(head.get("last_hash"))) {
            return new Verdict(false, walk.checked, lastId,
                    "the log ends before its last recorded entry: entries were removed from the end");
        }
        return new Verdict(true, walk.checked, null, null);
    }

    private static final class Walk {
        String lastHash = JourneyHash.GENESIS;
        long lastId;
        long checked;
        Long broken;
        String problem;

        void visit(ResultSet rs) throws SQLException {
            if (broken != null) {
                return;
            }
            long id = rs.getLong("id");
            String previous = rs.getString("previous_hash");
            String expected = JourneyHash.of(previous, rs.getString("case_reference"), rs.getTimestamp("occurred_at").toInstant(),
                    rs.getString("kind"), rs.getString("step"), rs.getString("actor"), rs.getString("summary"), rs.getString("details"));
            checked++;
            if (!previous.equals(lastHash)) {
                broken = id;
                problem = "it does not follow the entry before it: an entry before it was removed or inserted";
            } else if (!expected.equals(rs.getString("entry_hash"))) {
                broken = id;
                problem = "its content was changed after it was written";
            }
            lastHash = rs.getString("entry_hash");
            lastId = id;
        }
    }
}
