package analytics.dashboard;

import java.util.Map;

import analytics.sites.Site;
import analytics.sites.SiteOptions;
import analytics.sites.Sites;
import analytics.stats.StatsQuery;
import analytics.web.BadParameter;
import analytics.web.Caller;
import analytics.web.Csrf;
import analytics.web.DashboardPool;
import analytics.web.Pages;
import analytics.web.PublicUrl;
import analytics.web.Viewer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
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

/** A site's settings: the snippet and whether hits arrive, the share link, IP exclusions, deletion. */
@Path("/{domain}/settings")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class SiteSettingsResource {

    public record SiteSettings(String domain, String timezone, String origin, String shareUrl, String exclusions,
            boolean receiving) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance settings(Viewer me, SiteSettings site, String notice, String error);
    }

    private final Sites sites;
    private final SiteOptions options;
    private final StatsQuery stats;
    private final DashboardPool pool;
    private final Pages pages;
    private final PublicUrl publicUrl;
    private final SecurityIdentity identity;

    SiteSettingsResource(Sites sites, SiteOptions options, StatsQuery stats, DashboardPool pool, Pages pages,
            PublicUrl publicUrl, SecurityIdentity identity) {
        this.sites = sites;
        this.options = options;
        this.stats = stats;
        this.pool = pool;
        this.pages = pages;
        this.publicUrl = publicUrl;
        this.identity = identity;
    }

    @GET
    public Response page(RoutingContext context, @PathParam("domain") String domain, @QueryParam("done") String done) {
        String notice = switch (done == null ? "" : done) {
            case "exclusions" -> "Exclusions saved. Hits from these addresses are dropped from now on.";
            case "shared" -> "The share link is ready. Anyone with it can see this dashboard.";
            case "unshared" -> "The share link was revoked. It no longer works.";
            default -> null;
        };
        return render(context, domain, notice, null, 200);
    }

    /** Polled by /static/app.js until the first page view has arrived. */
    @GET
    @Path("/status")
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Map<String, Boolean>> status(@PathParam("domain") String domain) {
        Caller caller = Caller.of(identity);
        return pool.run(() -> Map.of("receiving", stats.hasEvents(sites.visible(caller, domain).domain)));
    }

    @POST
    @Path("/exclusions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response exclusions(RoutingContext context, @PathParam("domain") String domain,
            @FormParam(Csrf.FIELD) String token, @FormParam("exclusions") String exclusions) {
        Caller caller = pages.posted(identity, context, token);
        try {
            options.exclude(caller, domain, exclusions);
            return Pages.seeOther(Pages.path(domain) + "/settings?done=exclusions");
        } catch (BadParameter bad) {
            return render(context, domain, null, bad.getMessage(), 400);
        }
    }

    @POST
    @Path("/share")
    public Response share(RoutingContext context, @PathParam("domain") String domain,
            @FormParam(Csrf.FIELD) String token) {
        options.share(pages.posted(identity, context, token), domain);
        return Pages.seeOther(Pages.path(domain) + "/settings?done=shared");
    }

    @POST
    @Path("/share/revoke")
    public Response unshare(RoutingContext context, @PathParam("domain") String domain,
            @FormParam(Csrf.FIELD) String token) {
        options.unshare(pages.posted(identity, context, token), domain);
        return Pages.seeOther(Pages.path(domain) + "/settings?done=unshared");
    }

    @POST
    @Path("/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(RoutingContext context, @PathParam("domain") String domain,
            @FormParam(Csrf.FIELD) String token, @FormParam("confirm") String confirm) {
        Caller caller = pages.posted(identity, context, token);
        Site site = sites.visible(caller, domain);
        if (confirm == null || !confirm.strip().equalsIgnoreCase(site.domain)) {
            return render(context, domain, null, "Type " + site.domain + " to confirm the deletion.", 400);
        }
        sites.delete(caller, site.domain);
        return Pages.seeOther("/");
    }

    private Response render(RoutingContext context, String domain, String notice, String error, int status) {
        Caller caller = Caller.of(identity);
        Site site = sites.visible(caller, domain);
        String origin = publicUrl.origin(context);
        SiteSettings view = new SiteSettings(site.domain, site.timezone, origin,
                site.shareToken == null ? null : origin + "/share/" + site.shareToken,
                String.join("\n", site.exclusions()), stats.hasEvents(site.domain));
        String html = Templates.settings(pages.viewer(identity, context), view, notice, error).render();
        return Response.status(status).type(MediaType.TEXT_HTML).entity(html).build();
    }
}
