package analytics.dashboard;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import analytics.sites.Sites;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

/** The owner's pages: the list of sites and each site's dashboard, rendered on the dashboard pool. */
@Path("/")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class DashboardResource {

    public record PeriodLink(String name, String label, boolean current, String href) {
    }

    /** The dashboard of one site; {@code base} is its path, which the Details links start from. */
    public record Dashboard(String domain, String timezone, String period, String from, String to, String base,
            Selection selection, long currentVisitors, List<TopStat> stats, Chart chart, List<Card> cards,
            List<PeriodLink> periods) {
    }

    /** A tab's whole list: sortable column heads, one page of rows, links to the pages around it. */
    public record DetailsPage(String domain, String timezone, String from, String to, String title, String report,
            String back, List<Details.Head> heads, List<Details.Line> lines, int page, String previous, String next,
            String note, List<Card.TabLink> related, boolean credit) {
    }

    public record SiteSummary(String domain, long visitors, Sparkline trend) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(Dashboard view, Viewer me);

        static native TemplateInstance sites(List<SiteSummary> sites, Viewer me);

        static native TemplateInstance details(DetailsPage view, Viewer me);
    }

    static final List<PeriodLink> PERIODS = List.of(new PeriodLink("24h", "Last 24 hours", false, null),
            new PeriodLink("day", "Today", false, null), new PeriodLink("7d", "Last 7 days", false, null),
            new PeriodLink("30d", "Last 30 days", false, null), new PeriodLink("month", "This month", false, null),
            new PeriodLink("6mo", "Last 6 months", false, null),
            new PeriodLink("12mo", "Last 12 months", false, null));

    private final Dashboards dashboards;
    private final Details details;
    private final Sites sites;
    private final DashboardPool pool;
    private final Pages pages;
    private final SecurityIdentity identity;

    DashboardResource(Dashboards dashboards, Details details, Sites sites, DashboardPool pool, Pages pages,
            SecurityIdentity identity) {
        this.dashboards = dashboards;
        this.details = details;
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
            @Context UriInfo uri) {
        Caller caller = Caller.of(identity);
        Viewer me = pages.viewer(identity, context);
        Selection selection = selection(uri);
        return pool.run(() -> Templates.dashboard(dashboards.dashboard(sites.readable(caller, domain), selection,
                "/" + domain), me).render());
    }

    @GET
    @Path("/{domain}/details/{report}")
    public Uni<String> details(RoutingContext context, @PathParam("domain") String domain,
            @PathParam("report") String report, @QueryParam("sort") String sort, @QueryParam("dir") String dir,
            @QueryParam("page") Integer page, @Context UriInfo uri) {
        Caller caller = Caller.of(identity);
        Viewer me = pages.viewer(identity, context);
        Selection selection = selection(uri);
        return pool.run(() -> Templates.details(details.page(sites.readable(caller, domain), selection,
                "/" + domain, report, sort, dir, page), me).render());
    }

    /** The dashboard's choices from the query string (the first value of each parameter). */
    static Selection selection(UriInfo uri) {
        Map<String, String> query = new HashMap<>();
        uri.getQueryParameters().forEach((name, values) -> query.put(name, values.isEmpty() ? null : values.get(0)));
        return Selection.of(query);
    }
}
