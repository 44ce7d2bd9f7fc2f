package analytics.readmodel;

import analytics.sites.SiteZones;
import events.api.SiteEvent;
import events.api.SiteEventSubscriber;
import events.api.SiteEvents;
import events.api.SiteRemoved;
import jakarta.enterprise.context.ApplicationScoped;

/** Drops a deleted site's keys, in the live generation and in one a rebuild is growing, when SiteRemoved arrives. */
@ApplicationScoped
class RemovedSites implements SiteEventSubscriber {

    private final ReadModel readModel;
    private final Generations generations;
    private final SiteEvents siteEvents;
    private final SiteZones zones;

    RemovedSites(ReadModel readModel, Generations generations, SiteEvents siteEvents, SiteZones zones) {
        this.readModel = readModel;
        this.generations = generations;
        this.siteEvents = siteEvents;
        this.zones = zones;
    }

    @Override
    public void on(SiteEvent event) {
        // replayed at start, a removal was dropped back then; and a site added again keeps its new keys
        if (event instanceof SiteRemoved removed && siteEvents.caughtUp() && !zones.registered(removed.domain())) {
            Generations.State state = generations.state(true);
            readModel.drop(removed.domain(), state.current());
            state.building().ifPresent(building -> readModel.drop(removed.domain(), building.keys()));
        }
    }
}
