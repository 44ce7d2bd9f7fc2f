package ingest;

import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import events.api.SiteEvent;
import events.api.SiteEventSubscriber;
import events.api.SiteRegistered;
import events.api.SiteRemoved;
import jakarta.enterprise.context.ApplicationScoped;

/** The sites ingest accepts hits for, learnt from site events only. */
@ApplicationScoped
class SiteDirectory implements SiteEventSubscriber {

    private final Map<String, ZoneId> zones = new ConcurrentHashMap<>();

    @Override
    public void on(SiteEvent event) {
        if (event instanceof SiteRegistered registered) {
            zones.put(registered.domain(), parseZone(registered.timezone()));
        } else if (event instanceof SiteRemoved removed) {
            zones.remove(removed.domain());
        }
    }

    /** The site's time zone, or null when the site is not registered. */
    ZoneId zoneOf(String domain) {
        return zones.get(domain);
    }

    private static ZoneId parseZone(String timezone) {
        try {
            return ZoneId.of(timezone);
        } catch (RuntimeException e) {
            return ZoneId.of("UTC");
        }
    }
}
