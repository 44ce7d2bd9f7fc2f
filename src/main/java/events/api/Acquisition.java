package events.api;

/**
 * Where a hit came from, with Plausible's names; null where not set.
 *
 * @param referrerHost the referrer's host (none for the site's own pages)
 * @param source       visit:source, e.g. Google, or {@code Direct / None}
 * @param referrer     visit:referrer: host and path of the referrer
 * @param channel      visit:channel, e.g. Organic Search
 */
public record Acquisition(String referrerHost, String source, String referrer, String channel, String utmSource,
        String utmMedium, String utmCampaign, String utmContent, String utmTerm) {

    public static final Acquisition NONE = new Acquisition(null, null, null, null, null, null, null, null, null);
}
