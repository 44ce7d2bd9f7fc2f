package ingest.enrich;

import java.net.InetAddress;

/**
 * What enrichment reads from one hit, as it arrived.
 *
 * @param pageUrl the page's full URL, query included (the tracker's {@code u})
 * @param referrer the referrer URL (the tracker's {@code r}), or null
 * @param siteDomain the site's domain as registered, e.g. {@code example.com}
 * @param userAgent the User-Agent header, or null
 * @param screenWidth the tracker's {@code w} in CSS pixels, or null
 * @param clientIp the visitor's address (only looked up, never kept), or null
 */
public record HitFacts(String pageUrl, String referrer, String siteDomain, String userAgent, Integer screenWidth,
        InetAddress clientIp) {
}
