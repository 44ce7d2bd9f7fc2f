package analytics.web;

import java.net.URI;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

/** What every logged-in page and form needs: the viewer with a CSRF token, the check of a posted token. */
@ApplicationScoped
public class Pages {

    private final Csrf csrf;

    Pages(Csrf csrf) {
        this.csrf = csrf;
    }

    public Viewer viewer(SecurityIdentity identity, RoutingContext context) {
        Caller caller = Caller.of(identity);
        return new Viewer(caller.email(), csrf.token(context, caller.userId()));
    }

    /** The caller of a posted form, once its CSRF token is checked (403 otherwise). */
    public Caller posted(SecurityIdentity identity, RoutingContext context, String token) {
        Caller caller = Caller.of(identity);
        if (!bearer(context)) { // browsers never attach a bearer key by themselves, so it cannot be forged
            csrf.check(context, caller.userId(), token);
        }
        return caller;
    }

    /** True when the request authenticates with an API key in the Authorization header. */
    static boolean bearer(RoutingContext context) {
        String header = context.request().getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    /** The answer to a form that worked: see the page at {@code path} (303, so a reload does not post again). */
    public static Response seeOther(String path) {
        return Response.seeOther(URI.create(path)).build();
    }

    /** The site's domain as it may appear in a path we redirect to. */
    public static String path(String domain) {
        return "/" + domain;
    }
}
