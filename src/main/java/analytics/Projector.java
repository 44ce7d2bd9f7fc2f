package analytics;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import events.api.PageViewRecorded;
import events.api.PageViewSubscriber;
import events.api.Recorded;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/** Subscribes to PageViewRecorded and keeps the read model; safe to receive a batch twice. */
@ApplicationScoped
class Projector implements PageViewSubscriber {

    static final String NAME = "projector";

    private final ReadModel readModel;
    private final SiteZones zones;
    private final MeterRegistry metrics;

    Projector(ReadModel readModel, SiteZones zones, MeterRegistry metrics) {
        this.readModel = readModel;
        this.zones = zones;
        this.metrics = metrics;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void apply(int partition, List<Recorded<PageViewRecorded>> batch) {
        Map<String, List<Recorded<PageViewRecorded>>> bySite = new LinkedHashMap<>();
        Map<String, ZoneId> siteZones = new HashMap<>();
        long skipped = 0;
        for (Recorded<PageViewRecorded> recorded : batch) {
            String site = recorded.event().site();
            if (!siteZones.containsKey(site)) {
                Optional<ZoneId> zone = zones.of(site);
                siteZones.put(site, zone.orElse(null));
            }
            if (siteZones.get(site) == null) {
                skipped++; // the site was deleted after the hit was accepted
                continue;
            }
            bySite.computeIfAbsent(site, s -> new ArrayList<>()).add(recorded);
        }
        long applied = readModel.apply(siteZones, bySite);
        metrics.counter("footfall.projector.applied").increment(applied);
        metrics.counter("footfall.projector.skipped").increment(skipped + (batch.size() - skipped - applied));
    }
}
