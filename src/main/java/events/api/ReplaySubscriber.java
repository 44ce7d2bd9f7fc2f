package events.api;

import java.util.List;

/** Receives one partition of the replay stream in order; like PageViewSubscriber, idempotent by position. */
public interface ReplaySubscriber {

    String name();

    void started(int partition, int generation, long total);

    void apply(int partition, int generation, List<Recorded<PageViewRecorded>> batch);

    void finished(int partition, int generation, long total);

    void aborted(int partition, int generation, String reason);
}
