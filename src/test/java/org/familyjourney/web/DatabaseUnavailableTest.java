package org.familyjourney.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.TransactionSystemException;

/** Which failures are the database being away (ridden out) rather than a fault of ours (an incident). */
class DatabaseUnavailableTest {

    @Test
    void aRollbackOnADroppedConnectionIsTheDatabaseBeingAway() {
        // As seen when the database stopped under a user task's insert: the rollback failed too, hiding the first failure.
        TransactionSystemException rollback = new TransactionSystemException("Could not roll back",
                new SQLException("Rollback failed"));
        rollback.initApplicationException(new RuntimeException("insert failed", new java.sql.SQLRecoverableException("link lost")));
        assertThat(DatabaseUnavailable.is(rollback)).isTrue();
    }

    @Test
    void aConnectionStateIsTheDatabaseBeingAway() {
        assertThat(DatabaseUnavailable.is(new RuntimeException(new SQLException("Communications link failure", "08S01")))).isTrue();
    }

    @Test
    void aBrokenRuleIsNot() {
        assertThat(DatabaseUnavailable.is(new DataIntegrityViolationException("duplicate",
                new SQLIntegrityConstraintViolationException("Duplicate entry", "23000")))).isFalse();
        assertThat(DatabaseUnavailable.is(new TransactionSystemException("commit failed", new SQLException("Deadlock", "40001"))))
                .isFalse();
    }
}
