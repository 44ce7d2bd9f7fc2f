package ingest.enrich;

/**
 * Where a visit came from, with Plausible's names. Text is bounded and free of control characters; null means
 * not set (Plausible's "(not set)" / empty).
 *
 * @param source visit:source: the tagged source (utm_source, source, ref) or the referrer's name, e.g. Google;
 *        the referrer host without www. when unknown; {@link #DIRECT} with neither, or from the site itself
 * @param referrer visit:referrer: the referrer as host and path, no scheme, query or trailing slash
 *        ({@code news.ycombinator.com/item}); null for Direct / None
 * @param category the category that decides the channel (search, social, email, ...); null for Direct / None
 * @param channel visit:channel
 * @param utm the campaign parameters (utm_source holds the tagged source, as in Plausible)
 * @param clickIdParam the first ad click id on the URL (gclid, gbraid, wbraid, msclkid, fbclid, twclid), or null
 */
public record Acquisition(String source, String referrer, SourceCategory category, Channel channel, Utm utm,
        String clickIdParam) {

    public static final String DIRECT = "Direct / None";
}
