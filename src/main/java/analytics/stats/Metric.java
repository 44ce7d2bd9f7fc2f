package analytics.stats;

import java.util.List;

import analytics.web.BadParameter;

/** The Stats API's metrics, with Plausible's names, and where each may be asked for. */
enum Metric {
    VISITORS("visitors"),
    VISITS("visits"),
    PAGEVIEWS("pageviews"),
    VIEWS_PER_VISIT("views_per_visit"),
    BOUNCE_RATE("bounce_rate"),
    VISIT_DURATION("visit_duration"),
    EXIT_RATE("exit_rate");

    static final String SUPPORTED = "visitors, visits, pageviews, views_per_visit, bounce_rate, visit_duration"
            + " (and exit_rate with property=visit:exit_page)";

    private final String apiName;

    Metric(String apiName) {
        this.apiName = apiName;
    }

    String apiName() {
        return apiName;
    }

    /** The metrics asked for, in order, each known; {@code defaults} when none were. */
    static List<Metric> parse(String metrics, String defaults) {
        String requested = metrics == null || metrics.isBlank() ? defaults : metrics;
        return List.of(requested.split(",")).stream().map(String::strip).distinct().map(Metric::named).toList();
    }

    private static Metric named(String name) {
        for (Metric metric : values()) {
            if (metric.apiName.equals(name)) {
                return metric;
            }
        }
        throw new BadParameter("metrics", "unknown metric '" + name + "'; supported: " + SUPPORTED);
    }

    /** A metric's value from a period's (or a point's) figures. */
    Object of(long visitors, long pageviews, VisitFigures visits) {
        return switch (this) {
            case VISITORS -> visitors;
            case VISITS -> visits.visits();
            case PAGEVIEWS -> pageviews;
            case VIEWS_PER_VISIT -> visits.viewsPerVisit(pageviews);
            case BOUNCE_RATE -> visits.bounceRate();
            case VISIT_DURATION -> visits.visitDuration();
            case EXIT_RATE -> throw new BadParameter("metrics", "exit_rate is only supported in a breakdown by"
                    + " visit:exit_page");
        };
    }
}
