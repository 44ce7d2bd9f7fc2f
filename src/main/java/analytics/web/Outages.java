package analytics.web;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/** The one answer to "is this an outage": a lost connection to MySQL or Redis anywhere in the cause chain (503). */
final class Outages {

    private Outages() {
    }

    static boolean isOutage(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof Unavailable || lostConnection(cause)) {
                return true;
            }
        }
        return false;
    }

    private static boolean lostConnection(Throwable cause) {
        String type = cause.getClass().getName();
        String message = String.valueOf(cause.getMessage());
        return cause instanceof SQLTransientConnectionException || type.endsWith("JDBCConnectionException")
                || type.endsWith("CommunicationsException") || cause instanceof ConnectException
                || cause instanceof SQLException && message.contains("acquisition timeout")
                || message.contains("Unable to acquire JDBC Connection")
                // the Redis client: a refused or closed connection, or no answer within the call's timeout
                || cause instanceof io.smallrye.mutiny.TimeoutException
                || type.startsWith("io.vertx.") && (message.contains("onnection") || message.contains("closed"));
    }

    /** The deepest cause, whose message names what went away. */
    static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
