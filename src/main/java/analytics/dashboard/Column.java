package analytics.dashboard;

import java.util.Comparator;

/** A figure of a report row: its heading, its sort key in URLs, how it reads and how rows sort by it. */
enum Column {
    VISITORS("visitors", "Visitors"),
    EXITS("visitors", "Exits"),
    VISITS("visits", "Visits"),
    BOUNCE_RATE("bounce_rate", "Bounce rate"),
    VISIT_DURATION("visit_duration", "Visit duration"),
    PAGEVIEWS("pageviews", "Page views"),
    EXIT_RATE("exit_rate", "Exit rate");

    final String key;
    final String heading;

    Column(String key, String heading) {
        this.key = key;
        this.heading = heading;
    }

    long of(ReportRow row) {
        return switch (this) {
            case VISITORS, EXITS -> row.visitors();
            case VISITS -> row.visits();
            case BOUNCE_RATE -> row.bounceRate();
            case VISIT_DURATION -> row.visitDuration();
            case PAGEVIEWS -> row.pageviews();
            case EXIT_RATE -> row.exitRate();
        };
    }

    String text(ReportRow row) {
        return switch (this) {
            case BOUNCE_RATE, EXIT_RATE -> of(row) + "%";
            case VISIT_DURATION -> Figures.duration(of(row));
            default -> Figures.compact(of(row));
        };
    }

    /** Largest first, ties by visitors then by name, so every order is stable across pages. */
    Comparator<ReportRow> descending() {
        return Comparator.comparingLong(this::of).reversed().thenComparing(Comparator
                .comparingLong(ReportRow::visitors).reversed()).thenComparing(ReportRow::value);
    }
}
