package analytics.dashboard;

import analytics.stats.StatsQuery;

/** A top-row figure the chart can draw, with its value at one point of the time series. */
enum ChartMetric {
    VISITORS("visitors", "Unique visitors"),
    VISITS("visits", "Total visits"),
    PAGEVIEWS("pageviews", "Total pageviews"),
    VIEWS_PER_VISIT("views_per_visit", "Views per visit"),
    BOUNCE_RATE("bounce_rate", "Bounce rate"),
    VISIT_DURATION("visit_duration", "Visit duration");

    final String key;
    final String label;

    ChartMetric(String key, String label) {
        this.key = key;
        this.label = label;
    }

    double of(StatsQuery.Point point) {
        return switch (this) {
            case VISITORS -> point.visitors();
            case VISITS -> point.visits().visits();
            case PAGEVIEWS -> point.pageviews();
            case VIEWS_PER_VISIT -> point.visits().viewsPerVisit(point.pageviews());
            case BOUNCE_RATE -> point.visits().bounceRate();
            case VISIT_DURATION -> point.visits().visitDuration();
        };
    }

    String text(double value) {
        return switch (this) {
            case VIEWS_PER_VISIT -> Double.toString(Math.round(value * 100) / 100.0).replaceAll("\\.0$", "");
            case BOUNCE_RATE -> Math.round(value) + "%";
            case VISIT_DURATION -> Figures.duration(Math.round(value));
            default -> Figures.grouped(Math.round(value));
        };
    }

    static ChartMetric of(String key) {
        for (ChartMetric metric : values()) {
            if (metric.key.equals(key)) {
                return metric;
            }
        }
        return null;
    }
}
