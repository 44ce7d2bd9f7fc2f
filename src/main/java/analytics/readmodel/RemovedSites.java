package analytics.readmodel;

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

    RemovedSites(ReadModel readModel, Generations generations, SiteEvents siteEvents) {
        this.readModel = readModel;
        this.generations = generations;
        this.siteEvents = siteEvents;
    }

    @Override
    public void on(SiteEvent event) {
        // replayed at start, a removal was dropped back then. Site events arrive in order, so a removal read
        // once caught up is the site's latest event (not SiteZones' view: it may take this event after us)
        if (event instanceof SiteRemoved removed && siteEvents.caughtUp()) {
            Generations.State state = generations.state(true);
            readModel.drop(removed.domain(), state.current());
            state.building().ifPresent(building -> readModel.drop(removed.domain(), building.keys()));
        }
    }
}
