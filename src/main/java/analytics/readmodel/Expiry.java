package analytics.readmodel;

/** When a bucket's keys expire: a Unix time in seconds, or one of the two markers below, which are not times. */
final class Expiry {

    /** The bucket's keys would already have expired: skip the bucket. */
    static final long GONE = -1;
    /** Days and months are kept. */
    static final long NEVER = 0;

    private Expiry() {
    }

    /** {@code at}, or GONE when that is not after {@code now}. */
    static long live(long at, long now) {
        return at > now ? at : GONE;
    }
}
