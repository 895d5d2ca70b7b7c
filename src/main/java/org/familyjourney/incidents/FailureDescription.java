package org.familyjourney.incidents;

import java.util.Locale;

/**
 * What went wrong in a job, in words a manager reads, and never with a family's details: exception
 * messages from libraries (SQL, mail) can quote the values they were given, so only the kind of
 * failure is kept, plus the message of our own code's checks (IllegalArgument/IllegalState thrown from
 * {@code org.familyjourney}), which by the code conventions names steps and case references only.
 */
public record FailureDescription(String message, String failure) {

    static final int MAX_MESSAGE = 500;
    private static final String OUR_CODE = "org.familyjourney.";

    public static FailureDescription of(Throwable failure) {
        Throwable thrown = unwrap(failure);
        String kinds = kinds(thrown);
        String plain = plainWords(thrown);
        String ours = ownCheckMessage(thrown);
        String message = ours == null ? plain : plain + " " + ours;
        return new FailureDescription(cut(message, MAX_MESSAGE), cut(kinds, 200));
    }

    private static String plainWords(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            String name = cause.getClass().getName().toLowerCase(Locale.ROOT);
            if (name.contains("dataaccess") || name.contains("sql") || name.contains("jdbc") || name.contains("transaction")) {
                return "The database did not answer or refused the change.";
            }
            if (name.contains("mail") || name.contains("messaging")) {
                return "The email server did not accept the message.";
            }
            if (name.contains("grpc") || name.contains("clientstatus") || name.contains("timeout")) {
                return "The journey engine did not answer in time.";
            }
        }
        if (thrown instanceof IllegalArgumentException || thrown instanceof IllegalStateException
                || thrown instanceof NullPointerException) {
            return "The step was missing information it needs, or the information did not fit.";
        }
        return "The step failed unexpectedly (" + thrown.getClass().getSimpleName() + ").";
    }

    private static String ownCheckMessage(Throwable thrown) {
        boolean check = thrown instanceof IllegalArgumentException || thrown instanceof IllegalStateException;
        StackTraceElement[] trace = thrown.getStackTrace();
        if (!check || thrown.getMessage() == null || trace.length == 0 || !trace[0].getClassName().startsWith(OUR_CODE)) {
            return null;
        }
        // new IllegalStateException(cause) takes the cause's text as its message: that is the library's, not ours.
        if (thrown.getCause() != null && thrown.getMessage().equals(thrown.getCause().toString())) {
            return null;
        }
        String message = thrown.getMessage().strip();
        return message.endsWith(".") ? message : message + ".";
    }

    /** The SDK calls workers by reflection; the worker's own exception is the one that says what happened. */
    private static Throwable unwrap(Throwable failure) {
        Throwable thrown = failure;
        while (thrown.getCause() != null && (thrown instanceof java.lang.reflect.InvocationTargetException
                || thrown.getClass() == RuntimeException.class)) {
            thrown = thrown.getCause();
        }
        return thrown;
    }

    private static String kinds(Throwable thrown) {
        StringBuilder chain = new StringBuilder(thrown.getClass().getSimpleName());
        for (Throwable cause = thrown.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            chain.append(" <- ").append(cause.getClass().getSimpleName());
        }
        return chain.toString();
    }

    private static String cut(String text, int max) {
        return text.length() > max ? text.substring(0, max) : text;
    }
}
