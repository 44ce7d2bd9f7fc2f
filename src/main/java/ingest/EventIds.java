package ingest;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Time-ordered (UUIDv7 layout) ids, so page_views' unique index grows at its end. */
final class EventIds {

    private EventIds() {
    }

    static UUID next(long epochMillis) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (epochMillis << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }
}
