package analytics.sites;

import java.time.ZoneId;
import java.util.List;

import analytics.web.BadParameter;
import analytics.web.Caller;
import analytics.web.Conflict;
import analytics.web.Csrf;
import analytics.web.Pages;
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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Adding a site: its domain and time zone; then straight on to its snippet. */
@Path("/sites")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class NewSiteResource {

    static final List<String> ZONES = ZoneId.getAvailableZoneIds().stream()
            .filter(zone -> zone.equals("UTC") || zone.matches("(Africa|America|Antarctica|Asia|Atlantic|Australia"
                    + "|Europe|Indian|Pacific)/[A-Za-z_/-]+"))
            .sorted().toList();

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance newSite(Viewer me, List<String> zones, String domain, String timezone,
                String error);
    }

    private final Sites sites;
    private final Pages pages;
    private final SecurityIdentity identity;

    NewSiteResource(Sites sites, Pages pages, SecurityIdentity identity) {
        this.sites = sites;
        this.pages = pages;
        this.identity = identity;
    }

    @GET
    @Path("/new")
    public String form(RoutingContext context) {
        return Templates.newSite(pages.viewer(identity, context), ZONES, "", "UTC", null).render();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response add(RoutingContext context, @FormParam(Csrf.FIELD) String token,
            @FormParam("domain") String domain, @FormParam("timezone") String timezone) {
        Caller caller = pages.posted(identity, context, token);
        try {
            Site site = sites.create(caller, domain, timezone);
            return Pages.seeOther(Pages.path(site.domain) + "/settings");
        } catch (Conflict taken) {
            return again(context, 409, domain, timezone, taken.getMessage());
        } catch (BadParameter bad) {
            return again(context, 400, domain, timezone, bad.getMessage());
        }
    }

    private Response again(RoutingContext context, int status, String domain, String timezone, String error) {
        String html = Templates.newSite(pages.viewer(identity, context), ZONES, domain == null ? "" : domain.strip(),
                timezone == null ? "UTC" : timezone, error).render();
        return Response.status(status).type(MediaType.TEXT_HTML).entity(html).build();
    }
}
