package ingest;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Per-second limits on /api/event for each client IP and each site, kept in memory on the event
 * loop (one window per key); a flood from one IP is refused without slowing anyone else.
 */
@ApplicationScoped
class RateLimiter {

    private static final int MAX_KEYS = 200_000;

    private final Map<String, AtomicLong> windows = new ConcurrentHashMap<>();
    private final int perIp;
    private final int perSite;

    RateLimiter(IngestConfig config) {
        this.perIp = config.rateLimit().perIp();
        this.perSite = config.rateLimit().perSite();
    }

    /** Null when allowed; otherwise what was exceeded ("client IP" or "site"). */
    String check(String ip, String site, long nowMillis) {
        long second = nowMillis / 1000;
        if (perIp > 0 && over("i:" + ip, second, perIp)) {
            return "client IP";
        }
        if (perSite > 0 && over("s:" + site, second, perSite)) {
            return "site";
        }
        return null;
    }

    /** The window holds (second << 24 | count); a new second starts a new count. */
    private boolean over(String key, long second, int limit) {
        if (windows.size() > MAX_KEYS) {
            windows.clear();
        }
        AtomicLong window = windows.computeIfAbsent(key, k -> new AtomicLong());
        long updated = window.updateAndGet(w -> (w >>> 24) == second ? w + 1 : (second << 24) | 1);
        return (updated & 0xFFFFFF) > limit;
    }
}
