package analytics.accounts;

import java.util.List;

import analytics.web.BadParameter;
import analytics.web.Caller;
import analytics.web.Csrf;
import analytics.web.Pages;
import analytics.web.SessionCookie;
import analytics.web.Viewer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The account settings page: change the password; create, list (by prefix) and revoke API keys. */
@Path("/settings")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class SettingsResource {

    /** A message for the page; {@code newKey} is the whole key, shown once right after it was made. */
    public record Notice(String text, String newKey, boolean error) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance settings(Viewer me, List<ApiKey> keys, Notice notice, int minLength);
    }

    private final Accounts accounts;
    private final ApiKeys apiKeys;
    private final Pages pages;
    private final SessionCookie sessions;
    private final SecurityIdentity identity;

    SettingsResource(Accounts accounts, ApiKeys apiKeys, Pages pages, SessionCookie sessions,
            SecurityIdentity identity) {
        this.accounts = accounts;
        this.apiKeys = apiKeys;
        this.pages = pages;
        this.sessions = sessions;
        this.identity = identity;
    }

    @GET
    public String page(RoutingContext context, @QueryParam("done") String done) {
        Notice notice = switch (done == null ? "" : done) {
            case "password" -> new Notice("Your password was changed. Other sessions were logged out.", null, false);
            case "revoked" -> new Notice("The key was revoked. It no longer works.", null, false);
            default -> null;
        };
        return render(context, notice, 200).getEntity().toString();
    }

    @POST
    @Path("/password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changePassword(RoutingContext context, @FormParam(Csrf.FIELD) String token,
            @FormParam("current") String current, @FormParam("password") String password) {
        Caller caller = pages.posted(identity, context, token);
        try {
            int version = accounts.changePassword(caller.userId(), current, password);
            sessions.issue(context, caller.userId(), version);
            return Pages.seeOther("/settings?done=password");
        } catch (Accounts.Refused refused) {
            return render(context, new Notice(refused.getMessage(), null, true), 400);
        }
    }

    @POST
    @Path("/keys")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createKey(RoutingContext context, @FormParam(Csrf.FIELD) String token,
            @FormParam("name") String name) {
        Caller caller = pages.posted(identity, context, token);
        try {
            ApiKeys.Created created = apiKeys.create(caller, name);
            return render(context, new Notice("Copy the key now: it is shown only once.", created.secret(), false),
                    200);
        } catch (BadParameter bad) {
            return render(context, new Notice(bad.getMessage(), null, true), 400);
        }
    }

    @POST
    @Path("/keys/{id}/revoke")
    public Response revokeKey(RoutingContext context, @PathParam("id") long id, @FormParam(Csrf.FIELD) String token) {
        apiKeys.revoke(pages.posted(identity, context, token), id);
        return Pages.seeOther("/settings?done=revoked");
    }

    private Response render(RoutingContext context, Notice notice, int status) {
        String html = Templates.settings(pages.viewer(identity, context), apiKeys.active(Caller.of(identity)), notice,
                Passwords.MIN_LENGTH).render();
        return Response.status(status).type(MediaType.TEXT_HTML).entity(html).build();
    }
}
