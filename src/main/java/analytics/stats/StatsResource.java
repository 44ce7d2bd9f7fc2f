package analytics.stats;

import java.time.Clock;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    static final Set<String> METRICS = Set.of("visitors", "pageviews");
    static final int MAX_LIMIT = 1000;

    private final StatsQuery stats;
    private final Sites sites;
    private final DashboardPool pool;
    private final SecurityIdentity identity;
    private final Clock clock;

    StatsResource(StatsQuery stats, Sites sites, DashboardPool pool, SecurityIdentity identity, Clock clock) {
        this.stats = stats;
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
        List<String> wanted = metrics(metrics, "visitors");
        noFilters(filters);
        return pool.run(() -> {
            SiteRef site = site(caller, siteId);
            Period resolved = Period.resolve(period, date, site.zone(), clock.instant());
            StatsQuery.Totals totals = stats.totals(site.domain(), resolved, site.zone());
            Map<String, Object> results = new LinkedHashMap<>();
            for (String metric : wanted) {
                results.put(metric, Map.of("value", metric.equals("visitors") ? totals.visitors() : totals.pageviews()));
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
        List<String> wanted = metrics(metrics, "visitors,pageviews");
        noFilters(filters);
        return pool.run(() -> {
            SiteRef site = site(caller, siteId);
            ZoneId zone = site.zone();
            Period resolved = Period.resolve(period, date, zone, clock.instant());
            checkInterval(interval, resolved);
            List<Map<String, Object>> points = stats.timeseries(site.domain(), resolved, zone).stream()
                    .map(point -> row("date", point.date(), wanted, point.visitors(), point.pageviews())).toList();
            return Map.of("results", points);
        });
    }

    @GET
    @Path("/breakdown")
    public Uni<Map<String, Object>> breakdown(@QueryParam("site_id") String siteId,
            @QueryParam("period") String period, @QueryParam("date") String date,
            @QueryParam("property") String property, @QueryParam("metrics") String metrics,
            @QueryParam("limit") String limit, @QueryParam("filters") String filters) {
        Caller caller = Caller.of(identity);
        if (property == null || property.isBlank()) {
            throw new BadParameter("property", "property is required; supported: event:page");
        }
        if (!property.equals("event:page")) {
            throw new BadParameter("property", "unknown or unsupported property '" + property
                    + "'; supported: event:page");
        }
        List<String> wanted = metrics(metrics, "visitors,pageviews");
        int rows = limit(limit);
        noFilters(filters);
        return pool.run(() -> {
            SiteRef site = site(caller, siteId);
            Period resolved = Period.resolve(period, date, site.zone(), clock.instant());
            List<Map<String, Object>> results = stats.topPages(site.domain(), resolved, site.zone(), rows).stream()
                    .map(page -> row("page", page.page(), wanted, page.visitors(), page.pageviews())).toList();
            return Map.of("results", results);
        });
    }

    @GET
    @Path("/realtime/visitors")
    public Uni<Long> realtime(@QueryParam("site_id") String siteId) {
        Caller caller = Caller.of(identity);
        return pool.run(() -> stats.realtimeVisitors(site(caller, siteId).domain(), clock.instant()));
    }

    /** One result row: its dimension, then the wanted metrics in the order asked for. */
    private static Map<String, Object> row(String dimension, String value, List<String> wanted, long visitors,
            long pageviews) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put(dimension, value);
        for (String metric : wanted) {
            row.put(metric, metric.equals("visitors") ? visitors : pageviews);
        }
        return row;
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

    static List<String> metrics(String metrics, String defaults) {
        String requested = metrics == null || metrics.isBlank() ? defaults : metrics;
        List<String> names = List.of(requested.split(",")).stream().map(String::strip).distinct().toList();
        for (String name : names) {
            if (!METRICS.contains(name)) {
                throw new BadParameter("metrics", "unknown metric '" + name + "'; supported: visitors, pageviews");
            }
        }
        return names;
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

    private static void checkInterval(String interval, Period period) {
        if (interval == null || interval.isBlank()) {
            return;
        }
        String expected = period.hourly() ? "hour" : "date";
        if (!interval.strip().equals(expected)) {
            throw new BadParameter("interval", "interval '" + interval + "' is not supported for period "
                    + period.name() + "; it uses " + expected);
        }
    }

    private static void noFilters(String filters) {
        if (filters != null && !filters.isBlank()) {
            throw new BadParameter("filters", "filters are not supported yet");
        }
    }
}
