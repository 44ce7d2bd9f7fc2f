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
import jakarta.ws.rs.core.MediaType;

/** The public, read-only dashboard behind a share link: no login, may be embedded in other pages. */
@Path("/share/{token}")
@Produces(MediaType.TEXT_HTML)
public class ShareResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance shared(DashboardResource.Dashboard view);
    }

    private final SiteOptions options;
    private final Dashboards dashboards;
    private final DashboardPool pool;

    ShareResource(SiteOptions options, Dashboards dashboards, DashboardPool pool) {
        this.options = options;
        this.dashboards = dashboards;
        this.pool = pool;
    }

    @GET
    public Uni<String> dashboard(@PathParam("token") String token, @QueryParam("period") String period,
            @QueryParam("date") String date, @QueryParam("from") String from, @QueryParam("to") String to) {
        Dashboards.Ask ask = new Dashboards.Ask(period, date, from, to);
        return pool.run(() -> Templates.shared(dashboards.dashboard(SiteRef.of(options.shared(token)), ask)).render());
    }
}
