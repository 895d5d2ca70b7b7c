package org.familyjourney.web;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/** Whether a failure means the database cannot be reached just now (it will be back), not a bug or bad input. */
public final class DatabaseUnavailable {

    public static final String MESSAGE = "The database is not answering just now, so nothing was read or stored. "
            + "Please try again in a minute.";
    public static final int RETRY_AFTER_SECONDS = 30;

    public static boolean is(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException || cause instanceof CannotCreateTransactionException
                    || cause instanceof TransientDataAccessException || cause instanceof SQLTransientException
                    || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof java.sql.SQLRecoverableException || cause instanceof ConnectException
                    || isConnectionState(cause)) {
                return true;
            }
            // The connection dropped mid-transaction: the rollback fails too, and its exception hides the first.
            if (cause instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
                    && is(rollback.getApplicationException())) {
                return true;
            }
        }
        return false;
    }

    /** SQLSTATE class 08 is "connection exception", e.g. 08003 "connection closed" from a rollback on a dead link. */
    private static boolean isConnectionState(Throwable cause) {
        return cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08");
    }

    private DatabaseUnavailable() {
    }
}
