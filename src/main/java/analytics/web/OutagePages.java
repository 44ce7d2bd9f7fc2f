package analytics.web;

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
            if (failure == null || !Outages.isOutage(failure) || context.response().ended()) {
                context.next();
                return;
            }
            LOG.warnf("503 for %s: %s", context.normalizedPath(), Outages.rootCause(failure).getMessage());
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
}
