package ingest.enrich;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Ingest's enrichment step: a hit's source, channel and campaign, device and location, with Plausible's names.
 * All data is loaded once, at construction; {@link #enrich} does no I/O, so it may run on an event loop, and is
 * safe to call from any number of threads.
 */
@ApplicationScoped
public class Enrichment {

    private final Attribution attribution;
    private final Devices devices;
    private final Geolocation geolocation;

    /**
     * With a MaxMind-format City or Country database for regions and cities (null: the bundled countries only).
     * There is deliberately no no-args constructor: the CDI client proxy gets a generated one that loads nothing.
     */
    public Enrichment(String geoipDatabase) {
        ReferrerDatabase referrers = new ReferrerDatabase();
        this.attribution = new Attribution(referrers, new SourceNames(referrers));
        this.devices = new Devices();
        this.geolocation = new Geolocation(new Countries(), geoipDatabase == null ? null : new CityDatabase(geoipDatabase));
    }

    @Inject
    Enrichment(GeoIpConfig config) {
        this(config.database().filter(path -> !path.isBlank()).orElse(null));
    }

    /** With the bundled data only: countries, no regions or cities. */
    public static Enrichment withBundledData() {
        return new Enrichment((String) null);
    }

    public Enriched enrich(HitFacts facts) {
        return new Enriched(attribution.of(facts.pageUrl(), facts.referrer(), facts.siteDomain()),
                devices.of(facts.userAgent(), facts.screenWidth()), geolocation.of(facts.clientIp()));
    }
}
