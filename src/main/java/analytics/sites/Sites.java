package analytics.sites;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import analytics.web.BadParameter;
import analytics.web.Caller;
import analytics.web.Conflict;
import analytics.web.NotFound;
import events.api.SiteEvents;
import events.api.SiteRegistered;
import events.api.SiteRemoved;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

/** Creating, finding and deleting sites, with the site events that tell ingest about them. */
@ApplicationScoped
public class Sites {

    private final SiteEvents events;
    private final KnownSites known;

    Sites(SiteEvents events, KnownSites known) {
        this.events = events;
        this.known = known;
    }

    Site create(Caller owner, String domainInput, String timezone) {
        String domain;
        try {
            domain = Domains.normalise(domainInput);
        } catch (IllegalArgumentException e) {
            throw new BadParameter("domain", e.getMessage());
        }
        ZoneId zone = zone(timezone);
        Site site = QuarkusTransaction.requiringNew().call(() -> {
            if (Site.byDomain(domain) != null) {
                throw new Conflict(domain + " is already registered in Footfall.");
            }
            Site created = new Site();
            created.domain = domain;
            created.timezone = zone.getId();
            created.ownerId = owner.userId();
            created.createdAt = LocalDateTime.now(ZoneOffset.UTC);
            created.persist();
            return created;
        });
        events.publish(new SiteRegistered(site.domain, site.timezone));
        return site;
    }

    public List<Site> visibleTo(Caller caller) {
        return QuarkusTransaction.joiningExisting().call(() -> Site.ownedBy(caller.userId()));
    }

    /** The site, if the caller may see it; otherwise NotFound, so that sites cannot be discovered. */
    public Site visible(Caller caller, String domain) {
        Site site = QuarkusTransaction.joiningExisting().call(() -> Site.byDomain(domain));
        if (site == null || !site.ownerId.equals(caller.userId())) {
            throw new NotFound("site '" + domain + "' not found");
        }
        return site;
    }

    /** Like {@link #visible}, for reading its numbers: from memory, without MySQL, most of the time. */
    public SiteRef readable(Caller caller, String domain) {
        SiteRef site = known.byDomain(domain).orElse(null);
        if (site == null || site.ownerId() != caller.userId()) {
            throw new NotFound("site '" + domain + "' not found");
        }
        return site;
    }

    public void delete(Caller caller, String domain) {
        Site site = visible(caller, domain);
        QuarkusTransaction.requiringNew().run(() -> Site.deleteById(site.id));
        known.forget(site.domain); // other replicas forget it when they read the event

        events.publish(new SiteRemoved(site.domain)); // the read model drops the site's keys when it reads it
    }

    static ZoneId zone(String timezone) {
        if (timezone == null || timezone.isBlank()) {
            return ZoneOffset.UTC;
        }
        if (!ZoneId.getAvailableZoneIds().contains(timezone.strip())) {
            throw new BadParameter("timezone", "'" + timezone + "' is not a known IANA time zone");
        }
        return ZoneId.of(timezone.strip());
    }
}
