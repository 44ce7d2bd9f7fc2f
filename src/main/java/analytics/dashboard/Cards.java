package analytics.dashboard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import analytics.sites.SiteRef;
import analytics.stats.Breakdowns;
import analytics.stats.Period;
import analytics.stats.StatsQuery;
import analytics.worldmap.WorldMap;
import io.quarkus.qute.RawString;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The four cards of the dashboard (Sources, Pages, Locations, Devices), each with Plausible's tabs. Only
 * the selected tab of each card is read, so a page costs four breakdowns whatever the tabs.
 */
@ApplicationScoped
class Cards {

    static final int TOP = 9;
    /** The map colours every country with visitors; more than there are countries on it is never needed. */
    private static final int MAP_COUNTRIES = 250;
    private static final String MAP = "map";
    private static final String CAMPAIGNS = "utm_medium";
    private static final List<Report> UTM = List.of(Report.UTM_MEDIUM, Report.UTM_SOURCE, Report.UTM_CAMPAIGN,
            Report.UTM_CONTENT, Report.UTM_TERM);
    private static final Map<String, List<String>> TABS = new LinkedHashMap<>();

    static {
        TABS.put("sources", List.of("channel", "source", "utm_medium", "utm_source", "utm_campaign", "utm_content",
                "utm_term"));
        TABS.put("pages", List.of("page", "entry_page", "exit_page"));
        TABS.put("locations", List.of(MAP, "country", "region", "city"));
        TABS.put("devices", List.of("browser", "os", "device"));
    }

    private final Breakdowns breakdowns;
    private final StatsQuery stats;

    Cards(Breakdowns breakdowns, StatsQuery stats) {
        this.breakdowns = breakdowns;
        this.stats = stats;
    }

    static boolean valid(String card, String tab) {
        return TABS.getOrDefault(card, List.of()).contains(tab);
    }

    /** The cards for the selection; {@code base} is the dashboard's path ("/{domain}" or "/share/{token}"). */
    List<Card> of(SiteRef site, Period period, Selection selection, String base) {
        return List.of(sources(site, period, selection, base), pages(site, period, selection, base),
                locations(site, period, selection, base), devices(site, period, selection, base));
    }

    private Card sources(SiteRef site, Period period, Selection selection, String base) {
        Report report = Report.of(selection.get("sources"));
        boolean campaign = UTM.contains(report);
        List<Card.TabLink> tabs = List.of(tab(selection, "sources", Report.CHANNEL, report),
                tab(selection, "sources", Report.SOURCE, report),
                new Card.TabLink(CAMPAIGNS, "Campaigns", selection.with("sources", CAMPAIGNS) + "#card-sources",
                        campaign));
        List<Card.TabLink> sub = campaign ? UTM.stream().map(utm -> tab(selection, "sources", utm, report)).toList()
                : List.of();
        return card("sources", "Top Sources", tabs, sub, report, rows(site, period, report, TOP), selection, base);
    }

    private Card pages(SiteRef site, Period period, Selection selection, String base) {
        Report report = Report.of(selection.get("pages"));
        List<Card.TabLink> tabs = List.of(Report.PAGE, Report.ENTRY_PAGE, Report.EXIT_PAGE).stream()
                .map(r -> tab(selection, "pages", r, report)).toList();
        return card("pages", "Top Pages", tabs, List.of(), report, rows(site, period, report, TOP), selection, base);
    }

    private Card locations(SiteRef site, Period period, Selection selection, String base) {
        String selected = selection.get("locations");
        Report report = MAP.equals(selected) ? Report.COUNTRY : Report.of(selected);
        List<Card.TabLink> tabs = new ArrayList<>();
        tabs.add(new Card.TabLink(MAP, "Map", selection.with("locations", MAP) + "#card-locations",
                MAP.equals(selected)));
        for (Report r : List.of(Report.COUNTRY, Report.REGION, Report.CITY)) {
            tabs.add(new Card.TabLink(r.key, r.tab, selection.with("locations", r.key) + "#card-locations",
                    r.key.equals(selected)));
        }
        if (!MAP.equals(selected)) {
            return card("locations", "Locations", tabs, List.of(), report, rows(site, period, report, TOP), selection,
                    base);
        }
        Map<String, Long> visitors = new LinkedHashMap<>();
        rows(site, period, Report.COUNTRY, MAP_COUNTRIES).forEach(row -> visitors.put(row.value(), row.visitors()));
        Card card = card("locations", "Locations", tabs, List.of(), report, List.of(), selection, base);
        return new Card(card.id(), card.title(), tabs, List.of(), MAP, card.nameHeading(), card.figureHeading(), null,
                List.of(), card.detailsHref(), new RawString(WorldMap.svg(visitors)), true);
    }

    private Card devices(SiteRef site, Period period, Selection selection, String base) {
        Report report = Report.of(selection.get("devices"));
        List<Card.TabLink> tabs = List.of(Report.BROWSER, Report.OS, Report.DEVICE).stream()
                .map(r -> tab(selection, "devices", r, report)).toList();
        return card("devices", "Devices", tabs, List.of(), report, rows(site, period, report, TOP), selection, base);
    }

    /** The report's rows by visitors, the top {@code limit}. */
    List<ReportRow> rows(SiteRef site, Period period, Report report, int limit) {
        return rows(site, period, report, limit, 0);
    }

    List<ReportRow> rows(SiteRef site, Period period, Report report, int limit, int offset) {
        if (report.kind == Report.Kind.PAGES) {
            List<StatsQuery.PageRow> pages = stats.topPages(site.domain(), period, site.zone(), offset + limit);
            return pages.subList(Math.min(offset, pages.size()), pages.size()).stream().map(ReportRow::of).toList();
        }
        List<Breakdowns.Row> rows = breakdowns.top(site.domain(), period, site.zone(), report.dimension, limit, offset);
        return rows.stream().map(row -> ReportRow.of(report, row)).toList();
    }

    private static Card.TabLink tab(Selection selection, String card, Report report, Report selected) {
        return new Card.TabLink(report.key, report.tab, selection.with(card, report.key) + "#card-" + card,
                report == selected);
    }

    private static Card card(String id, String title, List<Card.TabLink> tabs, List<Card.TabLink> sub, Report report,
            List<ReportRow> rows, Selection selection, String base) {
        Column figure = report.columns().get(0);
        Column second = report.cardFigure();
        long max = rows.stream().mapToLong(figure::of).max().orElse(1);
        List<Card.Bar> bars = rows.stream().map(row -> new Card.Bar(row.value(), row.label(), row.flag(),
                row.visitors(), figure.text(row), Figures.grouped(figure.of(row)),
                second == null ? null : second.text(row), Math.round(1000.0 * figure.of(row) / Math.max(1, max)) / 10.0))
                .toList();
        String details = base + "/details/" + report.key + selection.periodQuery();
        return new Card("card-" + id, title, tabs, sub, report.key, report.heading, figure.heading,
                second == null ? null : second.heading, bars, details, null, report == Report.COUNTRY);
    }
}
