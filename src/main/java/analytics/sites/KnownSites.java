package analytics.sites;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import events.api.SiteEvent;
import events.api.SiteEventSubscriber;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Sites by domain for the read paths (Stats API, dashboard), kept in memory for a minute so that
 * a request does not look the site up in MySQL. Every replica follows the site events and drops
 * a domain as soon as it is removed or registered again.
 */
@ApplicationScoped
class KnownSites implements SiteEventSubscriber {

    static final Duration KEEP = Duration.ofMinutes(1);

    private record Entry(SiteRef site, long loadedAt) {
    }

    private final Map<String, Entry> sites = new ConcurrentHashMap<>();
    private final Clock clock;

    KnownSites(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void on(SiteEvent event) {
        forget(event.domain());
    }

    /** The site with this domain; empty when there is none. */
    Optional<SiteRef> byDomain(String domain) {
        long now = clock.millis();
        Entry entry = sites.get(domain);
        if (entry != null && now - entry.loadedAt() < KEEP.toMillis()) {
            return Optional.of(entry.site());
        }
        Site site = QuarkusTransaction.joiningExisting().call(() -> Site.byDomain(domain));
        if (site == null) {
            sites.remove(domain);
            return Optional.empty();
        }
        SiteRef ref = SiteRef.of(site);
        sites.put(domain, new Entry(ref, now));
        return Optional.of(ref);
    }

    void forget(String domain) {
        sites.remove(domain);
    }
}
