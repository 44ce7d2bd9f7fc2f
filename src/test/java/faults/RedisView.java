package faults;

import java.time.Duration;

/** Footfall's queue, event stream, projector position and lease in the private Redis (partition 0). */
final class RedisView {

    private static final String QUEUE = "ff:{p0}:queue";
    private static final String PAGE_VIEWS = "ff:{p0}:pageviews";
    private static final String POSITION = "ff:{p0}:cursor:projector";
    private static final String LEASE = "ff:{p0}:lease:projector";

    private final PrivateRedis redis;

    RedisView(PrivateRedis redis) {
        this.redis = redis;
    }

    /** Hits accepted and not yet stored and published (entries are deleted when acknowledged). */
    long queued() {
        return number(redis.cli("XLEN", QUEUE));
    }

    /** Queue entries a writer has taken and not acknowledged. */
    long pending() {
        return number(firstLine(redis.cli("XPENDING", QUEUE, "writers")));
    }

    /** PageViewRecorded events on the stream, all sites together. */
    long published() {
        return number(redis.cli("XLEN", PAGE_VIEWS));
    }

    String projectorPosition() {
        return firstLine(redis.cli("GET", POSITION));
    }

    String lastPublished() {
        return firstLine(redis.cli("XREVRANGE", PAGE_VIEWS, "+", "-", "COUNT", "1"));
    }

    /** The replica holding the projector's lease ("" when none). */
    String leaseOwner() {
        return firstLine(redis.cli("GET", LEASE));
    }

    /** Queue empty, nothing pending, the projector has applied the last event. */
    boolean drained() {
        return queued() == 0 && pending() == 0 && lastPublished().equals(projectorPosition());
    }

    void awaitDrained(Duration max) {
        Processes.await("queue drained and projector caught up (" + this + ")", max, () -> {
            try {
                return drained();
            } catch (RuntimeException e) {
                return false;
            }
        });
    }

    @Override
    public String toString() {
        try {
            return "queued " + queued() + ", pending " + pending() + ", published " + published() + ", last "
                    + lastPublished() + ", projector at " + projectorPosition();
        } catch (RuntimeException e) {
            return "Redis unreadable: " + e.getMessage();
        }
    }

    private static long number(String answer) {
        return Long.parseLong(answer.strip());
    }

    private static String firstLine(String answer) {
        String stripped = answer.strip();
        int end = stripped.indexOf('\n');
        return end < 0 ? stripped : stripped.substring(0, end).strip();
    }
}
