package analytics.sites;

import java.util.ArrayList;
import java.util.List;

import org.jboss.logging.Logger;

import events.api.SiteEvent;
import events.api.SiteEvents;
import events.api.SiteExclusionsChanged;
import events.api.SiteRegistered;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** If Redis lost the site stream (a restart without persistence), announce every site again. */
@ApplicationScoped
class SiteAnnouncer {

    private static final Logger LOG = Logger.getLogger(SiteAnnouncer.class);

    private final SiteEvents events;

    SiteAnnouncer(SiteEvents events) {
        this.events = events;
    }

    void announce(@Observes StartupEvent event) {
        try {
            if (events.count() > 0) {
                return;
            }
            List<Site> sites = QuarkusTransaction.requiringNew().call(() -> Site.<Site>listAll());
            List<SiteEvent> announcements = new ArrayList<>();
            for (Site site : sites) {
                announcements.add(new SiteRegistered(site.domain, site.timezone));
                if (!site.exclusions().isEmpty()) {
                    announcements.add(new SiteExclusionsChanged(site.domain, site.exclusions()));
                }
            }
            // replicas starting together all find the stream empty: only the first one's announcement lands
            if (events.publishIfEmpty(announcements)) {
                LOG.infof("site stream was empty: announced %d sites again", sites.size());
            }
        } catch (RuntimeException e) {
            LOG.warnf("could not check the site stream at start: %s", e.getMessage());
        }
    }
}
