package analytics.sites;

import java.time.ZoneId;

/** What the Stats API and the dashboard need of a site: its domain, time zone and owner. */
public record SiteRef(String domain, String timezone, long ownerId) {

    public static SiteRef of(Site site) {
        return new SiteRef(site.domain, site.timezone, site.ownerId);
    }

    public ZoneId zone() {
        return ZoneId.of(timezone);
    }
}
