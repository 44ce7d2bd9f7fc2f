package analytics.readmodel;

/** What the read model counts of visits, per bucket and per dimension value. */
public enum VisitMetric {
    /** Visits that started in the bucket (for exit pages: visits that ended on the page). */
    VISITS("vis"),
    /** Of those, visits with one page view and no interactive event. */
    BOUNCES("bnc"),
    /** Their summed duration in milliseconds, from first to last event. */
    DURATION("dur"),
    /** Page views in the bucket (per dimension value: of visits with that value). */
    PAGEVIEWS("pv");

    private final String key;

    VisitMetric(String key) {
        this.key = key;
    }

    String key() {
        return key;
    }
}
