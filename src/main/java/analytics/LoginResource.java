package analytics;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The login form (posted to Quarkus form authentication at /j_security_check) and logout. */
@Path("/")
public class LoginResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(boolean failed);
    }

    private final String cookieName;

    LoginResource(@ConfigProperty(name = "quarkus.http.auth.form.cookie-name") String cookieName) {
        this.cookieName = cookieName;
    }

    @GET
    @Path("/login")
    @Produces(MediaType.TEXT_HTML)
    public String login(@QueryParam("error") String error) {
        return Templates.login(error != null).render();
    }

    @POST
    @Path("/logout")
    public Response logout(@Context HttpServerResponse response) {
        response.addCookie(Cookie.cookie(cookieName, "").setPath("/").setMaxAge(0));
        return Response.seeOther(URI.create("/login")).build();
    }
}
