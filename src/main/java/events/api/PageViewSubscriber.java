package events.api;

import java.util.List;

/**
 * Receives every PageViewRecorded of one partition in stream order. The same batch can be
 * delivered again after a crash, so applying it must be idempotent by position.
 */
public interface PageViewSubscriber {

    /** Names this subscriber's lease and cursor. */
    String name();

    void apply(int partition, List<Recorded<PageViewRecorded>> batch);
}
