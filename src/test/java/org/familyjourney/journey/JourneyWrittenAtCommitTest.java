package org.familyjourney.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.UUID;
import org.familyjourney.support.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A transaction's journey entries are chained in as it commits (so the chain head is held only for
 * that moment): they are there once it commits, gone with it when it rolls back, readable inside it,
 * and a transaction started inside another commits its own entries with itself.
 */
class JourneyWrittenAtCommitTest extends ApplicationTest {

    @Autowired
    JourneyLog journey;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    JourneyChainCheck chain;

    private final String reference = "FJ-T-" + UUID.randomUUID().toString().substring(0, 8);

    private int entries(String summary) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM journey_entry WHERE case_reference = ? AND summary = ?", Integer.class,
                reference, summary);
    }

    @Test
    void entriesAreWrittenWhenTheTransactionCommitsAndReadableInsideIt() {
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            journey.record(reference, JourneyKind.CASE_UPDATED, "Step", JourneyLog.SYSTEM, "first", Map.of(), Map.of("note", "private"));
            assertThat(entries("first")).as("not yet chained in").isZero();
            assertThat(journey.of(reference)).as("read inside the transaction").extracting(JourneyLog.JourneyEntry::summary)
                    .containsExactly("first");
            journey.record(reference, JourneyKind.CASE_UPDATED, "Step", JourneyLog.SYSTEM, "second");
        });
        assertThat(journey.of(reference)).extracting(JourneyLog.JourneyEntry::summary).containsExactly("first", "second");
        assertThat(journey.of(reference).getFirst().details()).contains("private");
        assertThat(chain.verify().intact()).isTrue();
    }

    @Test
    void aRolledBackTransactionLeavesNoEntryAndAnInnerOneKeepsItsOwn() {
        TransactionTemplate inner = new TransactionTemplate(transactions);
        inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            journey.record(reference, JourneyKind.CASE_UPDATED, "Step", JourneyLog.SYSTEM, "outer");
            inner.executeWithoutResult(nested -> journey.record(reference, JourneyKind.CASE_UPDATED, "Step", JourneyLog.SYSTEM, "inner"));
            assertThat(entries("inner")).as("committed with the inner transaction").isOne();
            throw new IllegalStateException("the change failed");
        })).hasMessage("the change failed");
        assertThat(entries("outer")).isZero();
        assertThat(entries("inner")).isOne();
        assertThat(chain.verify().intact()).isTrue();
    }
}
