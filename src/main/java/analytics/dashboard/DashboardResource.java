package analytics.dashboard;

import java.util.List;

import analytics.sites.Sites;
import analytics.stats.StatsQuery;
import analytics.web.Caller;
import analytics.web.DashboardPool;
import analytics.web.Pages;
import analytics.web.Viewer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The owner's pages: the list of sites and each site's dashboard, rendered on the dashboard pool. */
@Path("/")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class DashboardResource {

    public record PeriodLink(String name, String label, boolean current) {
    }

    public record Dashboard(String domain, String timezone, String period, String from, String to,
            long visitors, long pageviews, Chart chart, List<StatsQuery.PageRow> pages, List<PeriodLink> periods) {
    }

    public record SiteSummary(String domain, long visitors, Sparkline trend) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(Dashboard view, Viewer me);

        static native TemplateInstance sites(List<SiteSummary> sites, Viewer me);
    }

    static final List<PeriodLink> PERIODS = List.of(new PeriodLink("24h", "Last 24 hours", false),
            new PeriodLink("day", "Today", false), new PeriodLink("7d", "Last 7 days", false),
            new PeriodLink("30d", "Last 30 days", false), new PeriodLink("month", "This month", false),
            new PeriodLink("6mo", "Last 6 months", false), new PeriodLink("12mo", "Last 12 months", false));

    private final Dashboards dashboards;
    private final Sites sites;
    private final DashboardPool pool;
    private final Pages pages;
    private final SecurityIdentity identity;

    DashboardResource(Dashboards dashboards, Sites sites, DashboardPool pool, Pages pages, SecurityIdentity identity) {
        this.dashboards = dashboards;
        this.sites = sites;
        this.pool = pool;
        this.pages = pages;
        this.identity = identity;
    }

    @GET
    public Uni<String> index(RoutingContext context) {
        Caller caller = Caller.of(identity);
        Viewer me = pages.viewer(identity, context);
        return pool.run(() -> Templates.sites(dashboards.summaries(sites.visibleTo(caller)), me).render());
    }

    @GET
    @Path("/{domain}")
    public Uni<String> dashboard(RoutingContext context, @PathParam("domain") String domain,
            @QueryParam("period") String period, @QueryParam("date") String date, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        Caller caller = Caller.of(identity);
        Viewer me = pages.viewer(identity, context);
        Dashboards.Ask ask = new Dashboards.Ask(period, date, from, to);
        return pool.run(() -> Templates.dashboard(dashboards.dashboard(sites.readable(caller, domain), ask), me)
                .render());
    }
}
