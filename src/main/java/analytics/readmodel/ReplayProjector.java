package analytics.readmodel;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import analytics.sites.SiteZones;
import events.api.HitQueue;
import events.api.PageViewRecorded;
import events.api.Recorded;
import events.api.ReplaySubscriber;
import jakarta.enterprise.context.ApplicationScoped;

/** Applies replayed raw rows to the generation being rebuilt, with its own positions. */
@ApplicationScoped
class ReplayProjector implements ReplaySubscriber {

    private final ReadModel readModel;
    private final SiteZones zones;
    private final Generations generations;
    private final Rebuilds rebuilds;
    private final int partitions;

    ReplayProjector(ReadModel readModel, SiteZones zones, Generations generations, Rebuilds rebuilds,
            HitQueue queue) {
        this.readModel = readModel;
        this.zones = zones;
        this.generations = generations;
        this.rebuilds = rebuilds;
        this.partitions = queue.partitions();
    }

    @Override
    public String name() {
        return "rebuild";
    }

    @Override
    public void started(int partition, int generation, long total) {
        if (partition == 0) {
            rebuilds.started(generation, total);
        }
    }

    @Override
    public void apply(int partition, int generation, List<Recorded<PageViewRecorded>> batch) {
        boolean building = generations.state(true).building()
                .map(b -> b.keys().generation() == generation).orElse(false);
        if (!building) {
            return; // a replay of a rebuild that was given up
        }
        ReadModelKeys keys = generations.keys(generation);
        Map<String, List<Recorded<PageViewRecorded>>> bySite = new LinkedHashMap<>();
        Map<String, ZoneId> siteZones = new HashMap<>();
        for (Recorded<PageViewRecorded> recorded : batch) {
            String site = recorded.event().site();
            ZoneId zone = siteZones.computeIfAbsent(site, s -> zones.of(s).orElse(null));
            if (zone != null) {
                bySite.computeIfAbsent(site, s -> new ArrayList<>()).add(recorded);
            }
        }
        readModel.apply(keys, keys::replayPosition, siteZones, bySite);
        rebuilds.replayed(generation, batch.size());
    }

    @Override
    public void finished(int partition, int generation, long total) {
        rebuilds.finished(generation, partition, partitions, total);
    }

    @Override
    public void aborted(int partition, int generation, String reason) {
        rebuilds.aborted(generation, reason);
    }
}
