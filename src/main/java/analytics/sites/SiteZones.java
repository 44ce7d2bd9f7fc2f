package analytics.sites;

import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import events.api.SiteEvent;
import events.api.SiteEventSubscriber;
import events.api.SiteRegistered;
import events.api.SiteRemoved;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

/** Each site's time zone for the projector, kept from site events, with MySQL as the fallback. */
@ApplicationScoped
public class SiteZones implements SiteEventSubscriber {

    private final Map<String, ZoneId> zones = new ConcurrentHashMap<>();

    @Override
    public void on(SiteEvent event) {
        if (event instanceof SiteRegistered registered) {
            zones.put(registered.domain(), ZoneId.of(registered.timezone()));
        } else if (event instanceof SiteRemoved removed) {
            zones.remove(removed.domain());
        }
    }

    /** Whether MySQL has the site now, whatever the cache says. */
    public boolean registered(String domain) {
        return QuarkusTransaction.requiringNew().call(() -> Site.byDomain(domain)) != null;
    }

    /** Empty when the site no longer exists. */
    public Optional<ZoneId> of(String domain) {
        ZoneId zone = zones.get(domain);
        if (zone != null) {
            return Optional.of(zone);
        }
        Site site = QuarkusTransaction.requiringNew().call(() -> Site.byDomain(domain));
        if (site == null) {
            return Optional.empty();
        }
        zones.put(domain, site.zone());
        return Optional.of(site.zone());
    }
}
