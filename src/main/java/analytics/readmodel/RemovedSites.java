package analytics.readmodel;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

import events.api.SiteEvent;
import events.api.SiteEventSubscriber;
import events.api.SiteEvents;
import events.api.SiteRemoved;
import jakarta.enterprise.context.ApplicationScoped;

/** Drops a deleted site's keys, in the live generation and in one a rebuild is growing, when SiteRemoved arrives. */
@ApplicationScoped
class RemovedSites implements SiteEventSubscriber {

    private static final Logger LOG = Logger.getLogger(RemovedSites.class);
    private static final Duration AGAIN_AFTER = Duration.ofSeconds(5);

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
            drop(removed.domain());
            // a projector step that read the site's last hits before the removal may write them just after
            // this drop: drop once more when such a step has long ended
            CompletableFuture.delayedExecutor(AGAIN_AFTER.toMillis(), TimeUnit.MILLISECONDS).execute(() -> {
                try {
                    drop(removed.domain());
                } catch (RuntimeException e) {
                    LOG.warnf("could not drop the keys of removed site %s again: %s", removed.domain(), e.getMessage());
                }
            });
        }
    }

    private void drop(String domain) {
        Generations.State state = generations.state(true);
        readModel.drop(domain, state.current());
        state.building().ifPresent(building -> readModel.drop(domain, building.keys()));
    }
}
