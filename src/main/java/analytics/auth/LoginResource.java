package analytics.auth;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import analytics.accounts.Accounts;
import analytics.accounts.RegistrationConfig;
import analytics.accounts.User;
import analytics.web.Csrf;
import analytics.web.Pages;
import analytics.web.SessionCookie;
import events.api.ClientAddresses;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Logging in (with CSRF token and throttling: 5 failures per account or IP in 15 minutes, then 429) and out. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class LoginResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(String csrf, String email, String error, boolean signup);
    }

    private final Accounts accounts;
    private final LoginThrottle throttle;
    private final SessionCookie sessions;
    private final Csrf csrf;
    private final ClientAddresses clients;
    private final RegistrationConfig registration;

    // behind the same proxies as /api/event, so the same list of them (ingest's key) says whom to believe
    LoginResource(Accounts accounts, LoginThrottle throttle, SessionCookie sessions, Csrf csrf,
            @ConfigProperty(name = "footfall.ingest.trusted-proxies", defaultValue = "127.0.0.0/8,::1")
            List<String> trustedProxies,
            RegistrationConfig registration) {
        this.accounts = accounts;
        this.throttle = throttle;
        this.sessions = sessions;
        this.csrf = csrf;
        this.clients = ClientAddresses.trusting(trustedProxies);
        this.registration = registration;
    }

    @GET
    @Path("/login")
    public String page(RoutingContext context) {
        return Templates.login(csrf.token(context, 0), "", null, registration.enabled()).render();
    }

    @POST
    @Path("/login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response login(RoutingContext context, @FormParam("email") String email,
            @FormParam("password") String password, @FormParam(Csrf.FIELD) String token) {
        csrf.check(context, 0, token);
        String account = email == null ? "" : email.strip().toLowerCase();
        String peer = context.request().remoteAddress() == null ? "" : context.request().remoteAddress().hostAddress();
        String ip = clients.of(peer, context.request().getHeader("X-Forwarded-For"),
                context.request().getHeader("Forwarded"));
        Optional<Duration> wait = throttle.blocked(account, ip);
        if (wait.isPresent()) {
            long minutes = Math.max(1, (wait.get().toSeconds() + 59) / 60);
            return page(context, 429, account, "Too many failed attempts. Try again in " + minutes
                    + (minutes == 1 ? " minute." : " minutes."), wait.get());
        }
        Optional<User> user = accounts.verify(account, password);
        if (user.isEmpty()) {
            throttle.failed(account, ip);
            return page(context, 401, account, "Wrong email or password.", null);
        }
        throttle.succeeded(account);
        sessions.issue(context, user.get().id, user.get().sessionVersion);
        return Pages.seeOther("/");
    }

    @POST
    @Path("/logout")
    public Response logout(RoutingContext context, @FormParam(Csrf.FIELD) String token) {
        sessions.read(context).ifPresent(session -> csrf.check(context, session.userId(), token));
        sessions.clear(context);
        return Pages.seeOther("/login");
    }

    private Response page(RoutingContext context, int status, String email, String error, Duration retryAfter) {
        Response.ResponseBuilder response = Response.status(status).type(MediaType.TEXT_HTML)
                .entity(Templates.login(csrf.token(context, 0), email, error, registration.enabled()).render());
        if (retryAfter != null) {
            response.header("Retry-After", retryAfter.toSeconds());
        }
        return response.build();
    }
}
