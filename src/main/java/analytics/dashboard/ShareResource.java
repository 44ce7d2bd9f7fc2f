package analytics.dashboard;

import analytics.sites.SiteOptions;
import analytics.sites.SiteRef;
import analytics.web.DashboardPool;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

/** The public, read-only dashboard behind a share link: no login, may be embedded in other pages. */
@Path("/share/{token}")
@Produces(MediaType.TEXT_HTML)
public class ShareResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance shared(DashboardResource.Dashboard view);

        static native TemplateInstance shared_details(DashboardResource.DetailsPage view);
    }

    private final SiteOptions options;
    private final Dashboards dashboards;
    private final Details details;
    private final DashboardPool pool;

    ShareResource(SiteOptions options, Dashboards dashboards, Details details, DashboardPool pool) {
        this.options = options;
        this.dashboards = dashboards;
        this.details = details;
        this.pool = pool;
    }

    @GET
    public Uni<String> dashboard(@PathParam("token") String token, @Context UriInfo uri) {
        Selection selection = DashboardResource.selection(uri);
        return pool.run(() -> Templates.shared(dashboards.dashboard(SiteRef.of(options.shared(token)), selection,
                "/share/" + token)).render());
    }

    @GET
    @Path("/details/{report}")
    public Uni<String> details(@PathParam("token") String token, @PathParam("report") String report,
            @QueryParam("sort") String sort, @QueryParam("dir") String dir, @QueryParam("page") Integer page,
            @Context UriInfo uri) {
        Selection selection = DashboardResource.selection(uri);
        return pool.run(() -> Templates.shared_details(details.page(SiteRef.of(options.shared(token)), selection,
                "/share/" + token, report, sort, dir, page)).render());
    }
}
