package support;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import events.api.Acquisition;
import events.api.Device;
import events.api.Location;
import events.api.PageViewRecorded;
import events.api.Visit;

/** Page-view events as a test hands them to the projector directly, without a visit (as version 1 had). */
public final class PageViews {

    private PageViews() {
    }

    public static PageViewRecorded pageView(String site, Instant at, String path, long visitor) {
        return pageView(UUID.randomUUID().toString(), site, at, path, visitor);
    }

    public static PageViewRecorded pageView(String eventId, String site, Instant at, String path, long visitor) {
        return new PageViewRecorded(PageViewRecorded.VERSION, eventId, site, at.toEpochMilli(),
                PageViewRecorded.PAGEVIEW, path, visitor, true, Acquisition.NONE,
                new Device("Desktop", "Chrome", "124.0", "GNU/Linux", null), Location.UNKNOWN, Visit.NONE, Map.of());
    }
}
