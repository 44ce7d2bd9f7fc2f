package analytics.accounts;

import analytics.web.Conflict;
import analytics.web.Csrf;
import analytics.web.Forbidden;
import analytics.web.Pages;
import analytics.web.SessionCookie;
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

/** Creating an account with email and password (unless footfall.registration.enabled=false); logs the person in. */
@Path("/signup")
@Produces(MediaType.TEXT_HTML)
public class SignupResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance signup(String csrf, String email, String error, int minLength);
    }

    private final Accounts accounts;
    private final SessionCookie sessions;
    private final Csrf csrf;
    private final RegistrationConfig registration;

    SignupResource(Accounts accounts, SessionCookie sessions, Csrf csrf, RegistrationConfig registration) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.csrf = csrf;
        this.registration = registration;
    }

    @GET
    public String page(RoutingContext context) {
        open();
        return Templates.signup(csrf.token(context, 0), "", null, Passwords.MIN_LENGTH).render();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signUp(RoutingContext context, @FormParam("email") String email,
            @FormParam("password") String password, @FormParam(Csrf.FIELD) String token) {
        csrf.check(context, 0, token);
        open();
        try {
            User user = accounts.signUp(email, password);
            sessions.issue(context, user.id, user.sessionVersion);
            return Pages.seeOther("/sites/new");
        } catch (Conflict taken) {
            return again(context, 409, email, taken.getMessage());
        } catch (Accounts.Refused refused) {
            return again(context, 400, email, refused.getMessage());
        }
    }

    private Response again(RoutingContext context, int status, String email, String error) {
        return Response.status(status).type(MediaType.TEXT_HTML).entity(Templates.signup(csrf.token(context, 0),
                email == null ? "" : email.strip(), error, Passwords.MIN_LENGTH).render()).build();
    }

    private void open() {
        if (!registration.enabled()) {
            throw new Forbidden("Sign-up is turned off on this Footfall. Ask its administrator for an account.");
        }
    }
}
