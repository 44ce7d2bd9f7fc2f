package ingest;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import events.api.IpRange;
import events.api.SiteEvent;
import events.api.SiteEventSubscriber;
import events.api.SiteExclusionsChanged;
import events.api.SiteRegistered;
import events.api.SiteRemoved;
import jakarta.enterprise.context.ApplicationScoped;

/** The sites ingest accepts hits for, and the addresses each one excludes, learnt from site events only. */
@ApplicationScoped
class SiteDirectory implements SiteEventSubscriber {

    private final Map<String, ZoneId> zones = new ConcurrentHashMap<>();
    private final Map<String, List<IpRange>> exclusions = new ConcurrentHashMap<>();

    @Override
    public void on(SiteEvent event) {
        if (event instanceof SiteRegistered registered) {
            zones.put(registered.domain(), parseZone(registered.timezone()));
        } else if (event instanceof SiteRemoved removed) {
            zones.remove(removed.domain());
            exclusions.remove(removed.domain());
        } else if (event instanceof SiteExclusionsChanged changed) {
            exclusions.put(changed.domain(), changed.ranges().stream().map(IpRange::parse).toList());
        }
    }

    /** The site's time zone, or null when the site is not registered. */
    ZoneId zoneOf(String domain) {
        return zones.get(domain);
    }

    /** True when the site's owner asked to drop hits from this address. */
    boolean excludes(String domain, String ip) {
        return exclusions.getOrDefault(domain, List.of()).stream().anyMatch(range -> range.contains(ip));
    }

    private static ZoneId parseZone(String timezone) {
        try {
            return ZoneId.of(timezone);
        } catch (RuntimeException e) {
            return ZoneId.of("UTC");
        }
    }
}
