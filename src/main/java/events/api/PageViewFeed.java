package events.api;

import java.util.Optional;

public interface PageViewFeed {

    /** Milliseconds between the newest event and the newest one the subscriber has applied, per partition summed. */
    long lagMillis(String subscriber);

    /** Position the subscriber has read up to in a partition. */
    Optional<String> cursor(String subscriber, int partition);
}
