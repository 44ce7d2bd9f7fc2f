package analytics.dashboard;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

import analytics.sites.Site;
import analytics.sites.SiteRef;
import analytics.stats.Period;
import analytics.stats.StatsQuery;
import analytics.stats.VisitFigures;
import jakarta.enterprise.context.ApplicationScoped;

/** Builds what the dashboard and the sites list show, from the read model only (call on the dashboard pool). */
@ApplicationScoped
class Dashboards {

    private final StatsQuery stats;
    private final Cards cards;
    private final Clock clock;

    Dashboards(StatsQuery stats, Cards cards, Clock clock) {
        this.stats = stats;
        this.cards = cards;
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

    Period period(SiteRef site, Selection selection) {
        Dashboards.Ask ask = selection.ask();
        return Period.resolve(ask.name(), ask.range(), site.zone(), clock.instant());
    }

    /** The whole dashboard; {@code base} is its path, "/{domain}" or "/share/{token}". */
    DashboardResource.Dashboard dashboard(SiteRef site, Selection selection, String base) {
        ZoneId zone = site.zone();
        Period resolved = period(site, selection);
        StatsQuery.Totals totals = stats.totals(site.domain(), resolved, zone);
        ChartMetric metric = ChartMetric.of(selection.get("metric"));
        Chart chart = Chart.of(stats.timeseries(site.domain(), resolved, zone, false), metric);
        long current = stats.realtimeVisitors(site.domain(), clock.instant());
        List<DashboardResource.PeriodLink> periods = DashboardResource.PERIODS.stream()
                .map(p -> new DashboardResource.PeriodLink(p.name(), p.label(), p.name().equals(resolved.name()),
                        selection.withPeriod(p.name())))
                .toList();
        return new DashboardResource.Dashboard(site.domain(), site.timezone(), resolved.name(),
                resolved.from().toString(), resolved.to().toString(), base, selection, current,
                topStats(totals, selection, metric), chart, cards.of(site, resolved, selection, base), periods);
    }

    private static List<TopStat> topStats(StatsQuery.Totals totals, Selection selection, ChartMetric charted) {
        VisitFigures visits = totals.visits();
        return List.of(stat(ChartMetric.VISITORS, Figures.compact(totals.visitors()), totals.visitors(), selection,
                        charted),
                stat(ChartMetric.VISITS, Figures.compact(visits.visits()), visits.visits(), selection, charted),
                stat(ChartMetric.PAGEVIEWS, Figures.compact(totals.pageviews()), totals.pageviews(), selection,
                        charted),
                stat(ChartMetric.VIEWS_PER_VISIT, ChartMetric.VIEWS_PER_VISIT.text(visits.viewsPerVisit(totals.pageviews())), -1,
                        selection, charted),
                stat(ChartMetric.BOUNCE_RATE, visits.bounceRate() + "%", visits.bounceRate(), selection, charted),
                stat(ChartMetric.VISIT_DURATION, Figures.duration(visits.visitDuration()), visits.visitDuration(),
                        selection, charted));
    }

    private static TopStat stat(ChartMetric metric, String value, long exact, Selection selection,
            ChartMetric charted) {
        return new TopStat(metric.key, metric.label, value, exact < 0 ? value : Figures.grouped(exact),
                selection.with("metric", metric.key) + "#chart", metric == charted);
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
