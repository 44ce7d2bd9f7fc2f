package analytics.stats;

import java.time.Clock;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import analytics.sites.Domains;
import analytics.sites.SiteRef;
import analytics.sites.Sites;
import analytics.web.BadParameter;
import analytics.web.Caller;
import analytics.web.DashboardPool;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Plausible Stats API v1, answered from the read model on the dashboard pool. */
@Path("/api/v1/stats")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class StatsResource {

    static final int MAX_LIMIT = 1000;
    static final int MAX_PAGE = 100;

    private final StatsQuery stats;
    private final Breakdowns breakdowns;
    private final Sites sites;
    private final DashboardPool pool;
    private final SecurityIdentity identity;
    private final Clock clock;

    StatsResource(StatsQuery stats, Breakdowns breakdowns, Sites sites, DashboardPool pool, SecurityIdentity identity,
            Clock clock) {
        this.stats = stats;
        this.breakdowns = breakdowns;
        this.sites = sites;
        this.pool = pool;
        this.identity = identity;
        this.clock = clock;
    }

    @GET
    @Path("/aggregate")
    public Uni<Map<String, Object>> aggregate(@QueryParam("site_id") String siteId, @QueryParam("period") String period,
            @QueryParam("date") String date, @QueryParam("metrics") String metrics,
            @QueryParam("filters") String filters) {
        Caller caller = Caller.of(identity);
        List<Metric> wanted = Metric.parse(metrics, "visitors");
        noFilters(filters);
        return pool.run(() -> {
            SiteRef site = site(caller, siteId);
            Period resolved = Period.resolve(period, date, site.zone(), clock.instant());
            StatsQuery.Totals totals = stats.totals(site.domain(), resolved, site.zone());
            Map<String, Object> results = new LinkedHashMap<>();
            for (Metric metric : wanted) {
                results.put(metric.apiName(), Map.of("value", metric.of(totals.visitors(), totals.pageviews(),
                        totals.visits())));
            }
            return Map.of("results", results);
        });
    }

    @GET
    @Path("/timeseries")
    public Uni<Map<String, Object>> timeseries(@QueryParam("site_id") String siteId,
            @QueryParam("period") String period, @QueryParam("date") String date,
            @QueryParam("metrics") String metrics, @QueryParam("interval") String interval,
            @QueryParam("filters") String filters) {
        Caller caller = Caller.of(identity);
        List<Metric> wanted = Metric.parse(metrics, "visitors,pageviews");
        noFilters(filters);
        return pool.run(() -> {
            SiteRef site = site(caller, siteId);
            ZoneId zone = site.zone();
            Period resolved = Period.resolve(period, date, zone, clock.instant());
            boolean monthly = monthly(interval, resolved);
            List<Map<String, Object>> points = stats.timeseries(site.domain(), resolved, zone, monthly).stream()
                    .map(point -> {
                        Map<String, Object> row = new LinkedHashMap<>();
                        row.put("date", point.date());
                        wanted.forEach(metric -> row.put(metric.apiName(), metric.of(point.visitors(),
                                point.pageviews(), point.visits())));
                        return row;
                    }).toList();
            return Map.of("results", points);
        });
    }

    @GET
    @Path("/breakdown")
    public Uni<Map<String, Object>> breakdown(@QueryParam("site_id") String siteId,
            @QueryParam("period") String period, @QueryParam("date") String date,
            @QueryParam("property") String property, @QueryParam("metrics") String metrics,
            @QueryParam("limit") String limit, @QueryParam("page") String page,
            @QueryParam("filters") String filters) {
        Caller caller = Caller.of(identity);
        Property breakdownBy = Property.parse(property);
        List<Metric> wanted = Metric.parse(metrics, "visitors,pageviews");
        breakdownBy.check(wanted);
        int rows = limit(limit);
        int from = (page(page) - 1) * rows;
        noFilters(filters);
        return pool.run(() -> {
            SiteRef site = site(caller, siteId);
            Period resolved = Period.resolve(period, date, site.zone(), clock.instant());
            List<Map<String, Object>> results = breakdownBy.page()
                    ? stats.topPages(site.domain(), resolved, site.zone(), from + rows).stream().skip(from)
                            .map(row -> breakdownBy.row(row.page(), wanted, row.visitors(), row.pageviews(),
                                    VisitFigures.NONE, 0))
                            .toList()
                    : breakdowns.top(site.domain(), resolved, site.zone(), breakdownBy.dimension(), rows, from)
                            .stream().map(row -> breakdownBy.row(row.value(), wanted, row.visitors(),
                                    row.pageviews(), row.visits(), row.exitRate()))
                            .toList();
            return Map.of("results", results);
        });
    }

    @GET
    @Path("/realtime/visitors")
    public Uni<Long> realtime(@QueryParam("site_id") String siteId) {
        Caller caller = Caller.of(identity);
        return pool.run(() -> stats.realtimeVisitors(site(caller, siteId).domain(), clock.instant()));
    }

    private SiteRef site(Caller caller, String siteId) {
        if (siteId == null || siteId.isBlank()) {
            throw new BadParameter("site_id", "site_id is required");
        }
        String domain;
        try {
            domain = Domains.normalise(siteId);
        } catch (IllegalArgumentException e) {
            throw new BadParameter("site_id", "site_id '" + siteId + "' is not a valid domain");
        }
        return sites.readable(caller, domain);
    }

    static int limit(String limit) {
        if (limit == null || limit.isBlank()) {
            return 100;
        }
        try {
            int value = Integer.parseInt(limit.strip());
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new BadParameter("limit", "limit must be a whole number from 1 to " + MAX_LIMIT);
    }

    /** Plausible's intervals: hour for a day or 24 hours, date or month otherwise. */
    private static boolean monthly(String interval, Period period) {
        if (interval == null || interval.isBlank()) {
            return false;
        }
        String asked = interval.strip();
        if (period.hourly() ? asked.equals("hour") : asked.equals("date")) {
            return false;
        }
        if (!period.hourly() && asked.equals("month")) {
            return true;
        }
        throw new BadParameter("interval", "interval '" + interval + "' is not supported for period "
                + period.name() + "; use " + (period.hourly() ? "hour" : "date or month"));
    }

    static int page(String page) {
        if (page == null || page.isBlank()) {
            return 1;
        }
        try {
            int value = Integer.parseInt(page.strip());
            if (value >= 1 && value <= MAX_PAGE) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new BadParameter("page", "page must be a whole number from 1 to " + MAX_PAGE);
    }

    private static void noFilters(String filters) {
        if (filters != null && !filters.isBlank()) {
            throw new BadParameter("filters", "filters are not supported yet");
        }
    }
}
