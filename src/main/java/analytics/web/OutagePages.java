package analytics.web;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.jboss.logging.Logger;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * A request that fails because MySQL or Redis is away (also while logging in or checking a key,
 * before any resource runs) is answered 503 with a page or JSON, never a 500.
 */
@ApplicationScoped
class OutagePages {

    private static final Logger LOG = Logger.getLogger(OutagePages.class);

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(context -> {
            Throwable failure = context.failure();
            if (failure == null || !isOutage(failure) || context.response().ended()) {
                context.next();
                return;
            }
            LOG.warnf("503 for %s: %s", context.normalizedPath(), rootCause(failure).getMessage());
            context.response().setStatusCode(503).putHeader("Retry-After", "5");
            if (context.normalizedPath().startsWith("/api/")) {
                context.response().putHeader("Content-Type", "application/json")
                        .end("{\"error\":\"Footfall cannot reach its data stores right now; try again in a moment\"}");
            } else {
                context.response().putHeader("Content-Type", "text/html; charset=utf-8")
                        .end(ErrorMappers.Templates.unavailable().render());
            }
        });
    }

    /** A lost database or Redis connection anywhere in the cause chain. */
    static boolean isOutage(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String type = cause.getClass().getName();
            String message = String.valueOf(cause.getMessage());
            if (cause instanceof Unavailable || cause instanceof SQLTransientConnectionException
                    || type.endsWith("JDBCConnectionException") || type.endsWith("CommunicationsException")
                    || cause instanceof java.net.ConnectException
                    || cause instanceof SQLException && message.contains("acquisition timeout")
                    || message.contains("Unable to acquire JDBC Connection")) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
