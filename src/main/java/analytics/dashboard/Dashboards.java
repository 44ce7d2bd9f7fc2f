package analytics.dashboard;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

import analytics.sites.Site;
import analytics.sites.SiteRef;
import analytics.stats.Period;
import analytics.stats.StatsQuery;
import jakarta.enterprise.context.ApplicationScoped;

/** Builds what the dashboard and the sites list show, from the read model only (call on the dashboard pool). */
@ApplicationScoped
class Dashboards {

    private final StatsQuery stats;
    private final Clock clock;

    Dashboards(StatsQuery stats, Clock clock) {
        this.stats = stats;
        this.clock = clock;
    }

    /** The period asked for by the dashboard's links and custom-range form. */
    record Ask(String period, String date, String from, String to) {
        String name() {
            String range = range();
            return range != null && range.contains(",") && blank(period) ? "custom" : blank(period) ? "30d" : period;
        }

        String range() {
            return !blank(from) && !blank(to) ? from + "," + to : date;
        }

        private static boolean blank(String text) {
            return text == null || text.isBlank();
        }
    }

    DashboardResource.Dashboard dashboard(SiteRef site, Ask ask) {
        ZoneId zone = site.zone();
        Period resolved = Period.resolve(ask.name(), ask.range(), zone, clock.instant());
        StatsQuery.Totals totals = stats.totals(site.domain(), resolved, zone);
        Chart chart = Chart.of(stats.timeseries(site.domain(), resolved, zone, false));
        List<StatsQuery.PageRow> pages = stats.topPages(site.domain(), resolved, zone, 10);
        List<DashboardResource.PeriodLink> periods = DashboardResource.PERIODS.stream()
                .map(p -> new DashboardResource.PeriodLink(p.name(), p.label(), p.name().equals(resolved.name())))
                .toList();
        return new DashboardResource.Dashboard(site.domain(), site.timezone(), resolved.name(),
                resolved.from().toString(), resolved.to().toString(), totals.visitors(), totals.pageviews(), chart,
                pages, periods);
    }

    /** Each site with its visitors in the last 24 hours and their hourly trend. */
    List<DashboardResource.SiteSummary> summaries(List<Site> sites) {
        return sites.stream().map(site -> {
            Period last24 = Period.resolve("24h", null, site.zone(), clock.instant());
            StatsQuery.Totals totals = stats.totals(site.domain, last24, site.zone());
            Sparkline trend = Sparkline.of(stats.timeseries(site.domain, last24, site.zone(), false));
            return new DashboardResource.SiteSummary(site.domain, totals.visitors(), trend);
        }).toList();
    }
}
