package events.api;

import java.time.Instant;
import java.util.Map;

/**
 * One stored page view (or custom or engagement event), published after its row is committed to MySQL.
 * Version 1 events (before visits) decode with {@code source}, {@code device}, {@code location} and
 * {@code visit} null.
 */
public record PageViewRecorded(
        int version,
        String eventId,
        String site,
        long timestamp,
        String name,
        String path,
        long visitor,
        boolean interactive,
        Acquisition source,
        Device device,
        Location location,
        Visit visit,
        Map<String, String> props) {

    public static final int VERSION = 2;
    public static final String PAGEVIEW = "pageview";
    public static final String ENGAGEMENT = "engagement";

    public boolean isPageview() {
        return PAGEVIEW.equals(name);
    }

    public Instant at() {
        return Instant.ofEpochMilli(timestamp);
    }
}
