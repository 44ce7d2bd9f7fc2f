package analytics.dashboard;

import analytics.readmodel.Dimension;

/**
 * One list the dashboard can show: a tab of a card and its Details page. Its key is the tab's value in
 * the dashboard's query string and the last segment of the Details page's URL.
 */
enum Report {
    CHANNEL("channel", "Channels", "Channel", Dimension.CHANNEL, Kind.VISITS),
    SOURCE("source", "Sources", "Source", Dimension.SOURCE, Kind.VISITS),
    REFERRER("referrer", "Referrers", "Referrer", Dimension.REFERRER, Kind.VISITS),
    UTM_MEDIUM("utm_medium", "UTM Medium", "UTM Medium", Dimension.UTM_MEDIUM, Kind.VISITS),
    UTM_SOURCE("utm_source", "UTM Source", "UTM Source", Dimension.UTM_SOURCE, Kind.VISITS),
    UTM_CAMPAIGN("utm_campaign", "UTM Campaign", "UTM Campaign", Dimension.UTM_CAMPAIGN, Kind.VISITS),
    UTM_CONTENT("utm_content", "UTM Content", "UTM Content", Dimension.UTM_CONTENT, Kind.VISITS),
    UTM_TERM("utm_term", "UTM Term", "UTM Term", Dimension.UTM_TERM, Kind.VISITS),
    PAGE("page", "Top Pages", "Page", null, Kind.PAGES),
    ENTRY_PAGE("entry_page", "Entry Pages", "Entry page", Dimension.ENTRY_PAGE, Kind.VISITS),
    EXIT_PAGE("exit_page", "Exit Pages", "Exit page", Dimension.EXIT_PAGE, Kind.EXITS),
    COUNTRY("country", "Countries", "Country", Dimension.COUNTRY, Kind.VISITS),
    REGION("region", "Regions", "Region", Dimension.REGION, Kind.VISITS),
    CITY("city", "Cities", "City", Dimension.CITY, Kind.VISITS),
    BROWSER("browser", "Browser", "Browser", Dimension.BROWSER, Kind.VISITS),
    BROWSER_VERSION("browser_version", "Browser versions", "Browser version", Dimension.BROWSER_VERSION, Kind.VISITS),
    OS("os", "OS", "Operating system", Dimension.OS, Kind.VISITS),
    OS_VERSION("os_version", "OS versions", "OS version", Dimension.OS_VERSION, Kind.VISITS),
    DEVICE("device", "Size", "Screen size", Dimension.DEVICE, Kind.VISITS);

    /** What the read model knows per value: visit figures, page views only (pages), or exits. */
    enum Kind { VISITS, PAGES, EXITS }

    final String key;
    final String tab;
    final String heading;
    final Dimension dimension;
    final Kind kind;

    Report(String key, String tab, String heading, Dimension dimension, Kind kind) {
        this.key = key;
        this.tab = tab;
        this.heading = heading;
        this.dimension = dimension;
        this.kind = kind;
    }

    /** The columns of its Details page, in order; the first is what the card shows. */
    java.util.List<Column> columns() {
        return switch (kind) {
            case PAGES -> java.util.List.of(Column.VISITORS, Column.PAGEVIEWS);
            case EXITS -> java.util.List.of(Column.EXITS, Column.PAGEVIEWS, Column.EXIT_RATE);
            case VISITS -> java.util.List.of(Column.VISITORS, Column.VISITS, Column.BOUNCE_RATE,
                    Column.VISIT_DURATION, Column.PAGEVIEWS);
        };
    }

    /** The second figure its small card shows beside visitors, or null. */
    Column cardFigure() {
        return switch (this) {
            case CHANNEL, SOURCE, REFERRER, UTM_MEDIUM, UTM_SOURCE, UTM_CAMPAIGN, UTM_CONTENT, UTM_TERM, ENTRY_PAGE ->
                Column.BOUNCE_RATE;
            case EXIT_PAGE -> Column.EXIT_RATE;
            default -> null;
        };
    }

    static Report of(String key) {
        for (Report report : values()) {
            if (report.key.equals(key)) {
                return report;
            }
        }
        return null;
    }
}
