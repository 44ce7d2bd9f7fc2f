package events.api;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

import io.smallrye.mutiny.Uni;

/** The durable internal queue between the public endpoint and the batch writers. */
public interface HitQueue {

    int partitions();

    /** Completes once Redis has the hit; fails when Redis is unreachable. Never blocks. */
    Uni<Void> enqueue(String site, String payload);

    List<QueuedHit> take(int partition, String consumer, int max, Duration block);

    /** Takes over entries another (probably dead) worker held for longer than minIdle. */
    List<QueuedHit> reclaim(int partition, String consumer, Duration minIdle, int max);

    /**
     * In one atomic Redis step: publishes the events of the entries this consumer still owns and
     * acknowledges them. Entries another consumer has claimed meanwhile are left alone.
     *
     * @return how many entries were acknowledged
     */
    int complete(int partition, String consumer, List<Completion> done);

    /** Entries not yet acknowledged, over all partitions. */
    long depth();

    /** When the oldest unacknowledged entry was queued (epoch millis), if there is one. */
    OptionalLong oldestMillis();
}
