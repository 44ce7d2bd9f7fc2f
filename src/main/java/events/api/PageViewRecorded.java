package events.api;

import java.time.Instant;
import java.util.Map;

/** One stored page view (or custom event), published after its row is committed to MySQL. */
public record PageViewRecorded(
        int version,
        String eventId,
        String site,
        long timestamp,
        String name,
        String path,
        long visitor,
        String referrer,
        String browser,
        String os,
        String device,
        String utmSource,
        String utmMedium,
        String utmCampaign,
        String utmContent,
        String utmTerm,
        Map<String, String> props) {

    public static final int VERSION = 1;
    public static final String PAGEVIEW = "pageview";

    public boolean isPageview() {
        return PAGEVIEW.equals(name);
    }

    public Instant at() {
        return Instant.ofEpochMilli(timestamp);
    }
}
