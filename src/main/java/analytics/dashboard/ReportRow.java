package analytics.dashboard;

import analytics.readmodel.Dimension;
import analytics.stats.Breakdowns;
import analytics.stats.StatsQuery;
import analytics.worldmap.Countries;
import analytics.worldmap.Flags;

/** One row of a report, whatever its kind: the raw value, how it reads, and its figures. */
record ReportRow(String value, String label, String flag, long visitors, long visits, long bounceRate,
        long visitDuration, long pageviews, long exitRate) {

    static ReportRow of(Report report, Breakdowns.Row row) {
        boolean country = report == Report.COUNTRY;
        return new ReportRow(row.value(), label(report, row.value()), country ? Flags.url(row.value()) : null,
                row.visitors(), row.visits().visits(), row.visits().bounceRate(), row.visits().visitDuration(),
                row.pageviews(), row.exitRate());
    }

    static ReportRow of(StatsQuery.PageRow row) {
        return new ReportRow(row.page(), row.page(), null, row.visitors(), 0, 0, 0, row.pageviews(), 0);
    }

    private static String label(Report report, String value) {
        return switch (report) {
            case COUNTRY -> Countries.name(value);
            case BROWSER_VERSION, OS_VERSION -> String.join(" ", Dimension.nameAndVersion(value)).strip();
            default -> value;
        };
    }
}
