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
    private final Generations generations;
    private final MeterRegistry metrics;

    Projector(ReadModel readModel, SiteZones zones, Generations generations, MeterRegistry metrics) {
        this.readModel = readModel;
        this.zones = zones;
        this.generations = generations;
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
        Generations.State state = generations.state(true);
        ReadModelKeys current = state.current();
        long applied = readModel.apply(current, current::position, siteZones, bySite);
        // during a rebuild, the new generation gets the live events from its cutoff on; older ones come replayed
        state.building().ifPresent(building -> readModel.apply(building.keys(), building.keys()::position,
                siteZones, from(building.cutoffMillis(), bySite)));
        metrics.counter("footfall.projector.applied").increment(applied);
        metrics.counter("footfall.projector.skipped").increment(skipped);
        metrics.counter("footfall.projector.duplicates").increment(batch.size() - skipped - applied);
    }

    static Map<String, List<Recorded<PageViewRecorded>>> from(long cutoffMillis,
            Map<String, List<Recorded<PageViewRecorded>>> bySite) {
        Map<String, List<Recorded<PageViewRecorded>>> later = new LinkedHashMap<>();
        bySite.forEach((site, events) -> {
            List<Recorded<PageViewRecorded>> kept = events.stream()
                    .filter(e -> e.event().timestamp() >= cutoffMillis).toList();
            if (!kept.isEmpty()) {
                later.put(site, kept);
            }
        });
        return later;
    }
}
