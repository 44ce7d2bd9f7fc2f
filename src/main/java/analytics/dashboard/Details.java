package analytics.dashboard;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import analytics.sites.SiteRef;
import analytics.stats.Period;
import analytics.web.BadParameter;
import analytics.web.NotFound;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A card tab's whole list, 100 rows a page. By visitors (the read model's own order) a page is read
 * with its offset; by any other column the first {@value #SORT_WINDOW} rows by visitors are sorted
 * here and paged, and the page says so when the list is longer than that.
 */
@ApplicationScoped
class Details {

    static final int PAGE_SIZE = 100;
    static final int SORT_WINDOW = 1000;

    public record Head(String key, String heading, String href, String arrow) {
    }

    public record Line(String value, String label, String flag, List<String> cells) {
    }

    private final Dashboards dashboards;
    private final Cards cards;

    Details(Dashboards dashboards, Cards cards) {
        this.dashboards = dashboards;
        this.cards = cards;
    }

    DashboardResource.DetailsPage page(SiteRef site, Selection selection, String base, String key, String sort,
            String dir, Integer page) {
        Report report = Report.of(key);
        if (report == null) {
            throw new NotFound("no report '" + key + "'");
        }
        Column column = sort == null || sort.isBlank() || sort.equals("name") ? null : report.columns().stream()
                .filter(c -> c.key.equals(sort)).findFirst()
                .orElseThrow(() -> new BadParameter("sort", "sort by one of name, " + String.join(", ",
                        report.columns().stream().map(c -> c.key).toList())));
        boolean byName = "name".equals(sort);
        boolean ascending = dir == null || dir.isBlank() ? byName : switch (dir) {
            case "asc" -> true;
            case "desc" -> false;
            default -> throw new BadParameter("dir", "dir is asc or desc");
        };
        int number = page == null ? 1 : page;
        if (number < 1 || number > 10_000) {
            throw new BadParameter("page", "page counts from 1");
        }
        Period period = dashboards.period(site, selection);
        Column first = report.columns().get(0);
        boolean inReadModelOrder = !byName && (column == null || column == first) && !ascending;
        List<ReportRow> rows;
        boolean more;
        boolean windowed = false;
        if (inReadModelOrder) {
            rows = new ArrayList<>(cards.rows(site, period, report, PAGE_SIZE + 1, (number - 1) * PAGE_SIZE));
        } else {
            List<ReportRow> all = new ArrayList<>(cards.rows(site, period, report, SORT_WINDOW));
            windowed = all.size() >= SORT_WINDOW;
            Comparator<ReportRow> order = byName ? Comparator.comparing(ReportRow::label, String.CASE_INSENSITIVE_ORDER)
                    .thenComparing(ReportRow::value) : (column == null ? first : column).descending();
            all.sort(byName == ascending ? order : order.reversed());
            int from = Math.min((number - 1) * PAGE_SIZE, all.size());
            rows = new ArrayList<>(all.subList(from, Math.min(from + PAGE_SIZE + 1, all.size())));
        }
        more = rows.size() > PAGE_SIZE;
        if (more) {
            rows = rows.subList(0, PAGE_SIZE);
        }
        String sortKey = byName ? "name" : column == null ? first.key : column.key;
        String periodQuery = selection.periodQuery();
        String self = base + "/details/" + report.key + periodQuery;
        List<Head> heads = new ArrayList<>();
        heads.add(head("name", report.heading, self, sortKey, ascending, true));
        for (Column c : report.columns()) {
            heads.add(head(c.key, c.heading, self, sortKey, ascending, false));
        }
        List<Line> lines = rows.stream().map(row -> new Line(row.value(), row.label(), row.flag(),
                report.columns().stream().map(c -> c.text(row)).toList())).toList();
        String sorted = sortKey.equals(first.key) && !ascending ? "" : "sort=" + sortKey + "&dir="
                + (ascending ? "asc" : "desc");
        String prev = number > 1 ? link(self, sorted, number - 1) : null;
        String next = more ? link(self, sorted, number + 1) : null;
        return new DashboardResource.DetailsPage(site.domain(), site.timezone(), period.from().toString(),
                period.to().toString(), report.tab, report.key, base + periodQuery, heads, lines, number, prev, next,
                windowed ? "Sorted among the " + Figures.grouped(SORT_WINDOW) + " values with the most visitors." : null,
                related(report, base, periodQuery), report == Report.COUNTRY);
    }

    private static Head head(String key, String heading, String self, String sortKey, boolean ascending,
            boolean name) {
        boolean current = key.equals(sortKey);
        boolean nextAscending = current ? !ascending : name;
        String href = self + (self.contains("?") ? "&" : "?") + "sort=" + URLEncoder.encode(key, StandardCharsets.UTF_8)
                + "&dir=" + (nextAscending ? "asc" : "desc");
        return new Head(key, heading, href, current ? (ascending ? "↑" : "↓") : "");
    }

    private static String link(String self, String sorted, int page) {
        String query = (sorted.isEmpty() ? "" : sorted + "&") + "page=" + page;
        return self + (self.contains("?") ? "&" : "?") + query;
    }

    /** The drill-downs Plausible offers from a list: versions of a browser or OS, full referrers of sources. */
    private static List<Card.TabLink> related(Report report, String base, String periodQuery) {
        List<Report> family = switch (report) {
            case BROWSER, BROWSER_VERSION -> List.of(Report.BROWSER, Report.BROWSER_VERSION);
            case OS, OS_VERSION -> List.of(Report.OS, Report.OS_VERSION);
            case SOURCE, REFERRER, CHANNEL -> List.of(Report.CHANNEL, Report.SOURCE, Report.REFERRER);
            case UTM_MEDIUM, UTM_SOURCE, UTM_CAMPAIGN, UTM_CONTENT, UTM_TERM -> List.of(Report.UTM_MEDIUM,
                    Report.UTM_SOURCE, Report.UTM_CAMPAIGN, Report.UTM_CONTENT, Report.UTM_TERM);
            case PAGE, ENTRY_PAGE, EXIT_PAGE -> List.of(Report.PAGE, Report.ENTRY_PAGE, Report.EXIT_PAGE);
            case COUNTRY, REGION, CITY -> List.of(Report.COUNTRY, Report.REGION, Report.CITY);
            case DEVICE -> List.of(Report.BROWSER, Report.OS, Report.DEVICE);
        };
        return family.stream().map(r -> new Card.TabLink(r.key, r.tab, base + "/details/" + r.key + periodQuery,
                r == report)).toList();
    }
}
