package analytics.sites;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import analytics.web.BadParameter;
import analytics.web.Caller;
import analytics.web.NotFound;
import analytics.web.Signer;
import events.api.IpRange;
import events.api.SiteEvents;
import events.api.SiteExclusionsChanged;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

/** A site's optional settings: the public share link and the IP exclusions (which ingest learns from an event). */
@ApplicationScoped
public class SiteOptions {

    static final int MAX_EXCLUSIONS = 50;

    private final Sites sites;
    private final SiteEvents events;

    SiteOptions(Sites sites, SiteEvents events) {
        this.sites = sites;
        this.events = events;
    }

    /** Replaces the site's exclusions with the addresses and ranges in {@code text} (one per line or comma). */
    public List<String> exclude(Caller caller, String domain, String text) {
        Site site = sites.visible(caller, domain);
        Set<String> ranges = new LinkedHashSet<>();
        for (String part : (text == null ? "" : text).split("[,\\s]+")) {
            if (!part.isBlank()) {
                try {
                    ranges.add(IpRange.parse(part).text());
                } catch (IllegalArgumentException e) {
                    throw new BadParameter("exclusions", e.getMessage());
                }
            }
        }
        if (ranges.size() > MAX_EXCLUSIONS) {
            throw new BadParameter("exclusions", "At most " + MAX_EXCLUSIONS + " addresses or ranges.");
        }
        List<String> list = new ArrayList<>(ranges);
        QuarkusTransaction.requiringNew().run(() -> Site.<Site>findById(site.id).excludedIps = String.join(",", list));
        events.publish(new SiteExclusionsChanged(site.domain, list));
        return list;
    }

    /** Makes a new unguessable share token (a new link; any old one stops working). */
    public String share(Caller caller, String domain) {
        Site site = sites.visible(caller, domain);
        String token = Signer.random(24);
        QuarkusTransaction.requiringNew().run(() -> Site.<Site>findById(site.id).shareToken = token);
        return token;
    }

    public void unshare(Caller caller, String domain) {
        Site site = sites.visible(caller, domain);
        QuarkusTransaction.requiringNew().run(() -> Site.<Site>findById(site.id).shareToken = null);
    }

    /** The site shared under this token; NotFound for an unknown or revoked one. */
    public Site shared(String token) {
        Site site = token == null || token.length() < 20 ? null
                : QuarkusTransaction.joiningExisting().call(() -> Site.byShareToken(token));
        if (site == null) {
            throw new NotFound("share link not found");
        }
        return site;
    }
}
