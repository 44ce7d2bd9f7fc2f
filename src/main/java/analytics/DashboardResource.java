package analytics;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
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

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(Dashboard view, String user);

        static native TemplateInstance sites(List<Site> sites, String user);
    }

    static final List<PeriodLink> PERIODS = List.of(new PeriodLink("24h", "Last 24 hours", false),
            new PeriodLink("day", "Today", false), new PeriodLink("7d", "Last 7 days", false),
            new PeriodLink("30d", "Last 30 days", false), new PeriodLink("month", "This month", false),
            new PeriodLink("6mo", "Last 6 months", false), new PeriodLink("12mo", "Last 12 months", false));

    private final StatsQuery stats;
    private final Sites sites;
    private final DashboardPool pool;
    private final SecurityIdentity identity;
    private final Clock clock;

    DashboardResource(StatsQuery stats, Sites sites, DashboardPool pool, SecurityIdentity identity, Clock clock) {
        this.stats = stats;
        this.sites = sites;
        this.pool = pool;
        this.identity = identity;
        this.clock = clock;
    }

    @GET
    public Uni<String> index() {
        Caller caller = Caller.of(identity);
        String user = identity.getPrincipal().getName();
        return pool.run(() -> Templates.sites(sites.visibleTo(caller), user).render());
    }

    @GET
    @Path("/{domain}")
    public Uni<String> dashboard(@PathParam("domain") String domain, @QueryParam("period") String period,
            @QueryParam("date") String date, @QueryParam("from") String from, @QueryParam("to") String to) {
        Caller caller = Caller.of(identity);
        String user = identity.getPrincipal().getName();
        String range = from != null && to != null && !from.isBlank() && !to.isBlank() ? from + "," + to : date;
        String name = range != null && range.contains(",") && (period == null || period.isBlank()) ? "custom"
                : period == null || period.isBlank() ? "30d" : period;
        return pool.run(() -> {
            Site site = sites.visible(caller, domain);
            ZoneId zone = site.zone();
            Period resolved = Period.resolve(name, range, zone, clock.instant());
            StatsQuery.Totals totals = stats.totals(site.domain, resolved);
            Chart chart = Chart.of(stats.timeseries(site.domain, resolved, zone));
            List<StatsQuery.PageRow> pages = stats.topPages(site.domain, resolved, 10);
            List<PeriodLink> periods = PERIODS.stream()
                    .map(p -> new PeriodLink(p.name(), p.label(), p.name().equals(resolved.name()))).toList();
            Dashboard view = new Dashboard(site.domain, site.timezone, resolved.name(), resolved.from().toString(),
                    resolved.to().toString(), totals.visitors(), totals.pageviews(), chart, pages, periods);
            return Templates.dashboard(view, user).render();
        });
    }
}
