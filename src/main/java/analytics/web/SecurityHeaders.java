package analytics.web;

import java.util.Map;
import java.util.Set;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Security headers on Footfall's own pages (the public snippet and event endpoint stay open to every
 * origin), and the CSRF guard for requests that are not forms: a cross-site unsafe request is refused,
 * and an unsafe API call authenticated by the session cookie must carry the X-Footfall-CSRF header.
 */
@ApplicationScoped
class SecurityHeaders {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; form-action 'self'; base-uri 'none'; object-src 'none'; frame-ancestors ";
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private final SessionCookie sessions;
    private final Csrf csrf;

    SecurityHeaders(SessionCookie sessions, Csrf csrf) {
        this.sessions = sessions;
        this.csrf = csrf;
    }

    void register(@Observes Filters filters) {
        filters.register(this::handle, 100);
    }

    private void handle(RoutingContext context) {
        String path = context.normalizedPath();
        if (path.startsWith("/api/event") || path.startsWith("/js/")) {
            context.next(); // public and cross-origin by design
            return;
        }
        if (!SAFE.contains(context.request().method()) && refused(context, path)) {
            return;
        }
        boolean embeddable = path.startsWith("/share/");
        context.addHeadersEndHandler(ignored -> {
            MultiMap headers = context.response().headers();
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("Referrer-Policy", "same-origin");
            headers.set("Content-Security-Policy", CSP + (embeddable ? "*" : "'none'"));
            if (!embeddable) {
                headers.set("X-Frame-Options", "DENY");
            }
            if (!path.startsWith("/static/")) {
                headers.set("Cache-Control", "no-store");
            }
        });
        context.next();
    }

    /** Answers 403 and returns true when an unsafe request may be forged by another site. */
    private boolean refused(RoutingContext context, String path) {
        String site = context.request().getHeader("Sec-Fetch-Site");
        boolean forged = "cross-site".equalsIgnoreCase(site);
        if (!forged && path.startsWith("/api/") && !Pages.bearer(context)) {
            forged = sessions.read(context).map(session -> {
                try {
                    csrf.check(context, session.userId(), context.request().getHeader(Csrf.HEADER));
                    return false;
                } catch (Forbidden e) {
                    return true;
                }
            }).orElse(false);
        }
        if (forged) {
            context.response().setStatusCode(403).putHeader("Content-Type", "application/json")
                    .end(new JsonObject(Map.of("error", "cross-site request refused (CSRF)")).encode());
        }
        return forged;
    }
}
