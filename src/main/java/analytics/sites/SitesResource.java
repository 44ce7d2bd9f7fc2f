package analytics.sites;

import java.util.List;
import java.util.Map;

import analytics.web.BadParameter;
import analytics.web.Caller;
import analytics.web.Conflict;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The Sites API (Plausible-style): create, list and delete the caller's sites. */
@Path("/api/v1/sites")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class SitesResource {

    record NewSite(String domain, String timezone) {
    }

    record SiteView(String domain, String timezone) {
        static SiteView of(Site site) {
            return new SiteView(site.domain, site.timezone);
        }
    }

    private final Sites sites;
    private final SecurityIdentity identity;

    SitesResource(Sites sites, SecurityIdentity identity) {
        this.sites = sites;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(NewSite request) {
        if (request == null) {
            throw new BadParameter("domain", "body must be a JSON object with domain and timezone");
        }
        Site site;
        try {
            site = sites.create(Caller.of(identity), request.domain(), request.timezone());
        } catch (Conflict taken) {
            throw new BadParameter("domain", taken.getMessage()); // the Sites API has always answered 400 here
        }
        return Response.status(201).entity(SiteView.of(site)).build();
    }

    @GET
    public Map<String, List<SiteView>> list() {
        return Map.of("sites", sites.visibleTo(Caller.of(identity)).stream().map(SiteView::of).toList());
    }

    @GET
    @Path("/{domain}")
    public SiteView get(@PathParam("domain") String domain) {
        return SiteView.of(sites.visible(Caller.of(identity), domain));
    }

    @DELETE
    @Path("/{domain}")
    public Map<String, Boolean> delete(@PathParam("domain") String domain) {
        sites.delete(Caller.of(identity), domain);
        return Map.of("deleted", true);
    }
}
