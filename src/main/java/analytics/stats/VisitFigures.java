package analytics.stats;

import io.vertx.mutiny.redis.client.Response;

/**
 * Visits, bounces and summed duration of a period or a dimension value, and Plausible's metrics
 * made of them: bounce rate in whole percent, visit duration in whole seconds, views per visit.
 */
public record VisitFigures(long visits, long bounces, long durationMillis) {

    static final VisitFigures NONE = new VisitFigures(0, 0, 0);

    /** Sums {@code count} (visits, bounces, duration) triples of an MGET answer, from triple {@code first}. */
    static VisitFigures sum(Response counters, int first, int count) {
        long visits = 0;
        long bounces = 0;
        long duration = 0;
        for (int i = first; i < first + count; i++) {
            visits += number(counters.get(3 * i));
            bounces += number(counters.get(3 * i + 1));
            duration += number(counters.get(3 * i + 2));
        }
        return new VisitFigures(visits, bounces, duration);
    }

    public long bounceRate() {
        return visits == 0 ? 0 : Math.round(100.0 * bounces / visits);
    }

    public long visitDuration() {
        return visits == 0 ? 0 : Math.round(durationMillis / 1000.0 / visits);
    }

    public double viewsPerVisit(long pageviews) {
        return visits == 0 ? 0 : Math.round(100.0 * pageviews / visits) / 100.0;
    }

    private static long number(Response value) {
        return value == null ? 0 : value.toLong();
    }
}
