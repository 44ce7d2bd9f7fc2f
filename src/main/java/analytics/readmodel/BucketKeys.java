package analytics.readmodel;

import java.util.HashMap;
import java.util.Map;

/**
 * The keys of one bucket, named once per batch. Hourly keys expire a fixed time after the
 * hour ends (not after they were written), so replaying old events writes no hourly keys
 * that live traffic would long have expired.
 */
final class BucketKeys {

    private final ReadModelKeys.Bucket bucket;
    private final String prefix;
    private final String visitors;
    private final String pageviews;
    private final String pages;
    private final long expiresAt;
    private final long pagesExpireAt;
    private final Map<String, String> pageVisitors = new HashMap<>();

    BucketKeys(ReadModelKeys keys, String site, ReadModelKeys.Bucket bucket, long expiresAt, long pagesExpireAt) {
        this.bucket = bucket;
        this.prefix = keys.pageVisitors(site, bucket, "");
        this.visitors = keys.visitors(site, bucket);
        this.pageviews = keys.pageviews(site, bucket);
        this.pages = keys.pages(site, bucket);
        this.expiresAt = expiresAt;
        this.pagesExpireAt = pagesExpireAt;
    }

    String visitors() {
        return visitors;
    }

    String pageviews() {
        return pageviews;
    }

    String pages() {
        return pages;
    }

    long expiresAt() {
        return expiresAt;
    }

    long pagesExpireAt() {
        return pagesExpireAt;
    }

    String pageVisitors(String path) {
        return pageVisitors.computeIfAbsent(path, p -> prefix + p);
    }

    VisitProjection.Target target() {
        return new VisitProjection.Target(bucket, expiresAt, pagesExpireAt);
    }
}
