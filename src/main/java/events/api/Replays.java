package events.api;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The replay stream, which carries raw rows from MySQL back to the read model during a rebuild.
 * Analytics asks for a replay; one replica's ingest serves it: begin, page views, finish.
 */
public interface Replays {

    void request(ReplayRequest request);

    /** The request waiting to be served, claimed by this replica for {@code hold}; empty if none or taken. */
    Optional<ReplayRequest> claim(String claimer, Duration hold);

    /** Keeps the claim while the replay runs; false if it was lost. */
    boolean renew(String claimer, Duration hold);

    /** True when a replay of this generation was begun before (and its replica died). */
    boolean begun(int generation);

    void begin(int generation, long total);

    void publish(int generation, List<PageViewRecorded> events);

    /** Marks the end on every partition and clears the request. */
    void finish(int generation, long total);

    /** Gives the replay up: subscribers are told, the request is cleared. */
    void abort(int generation, String reason);

    /** Replayed events not yet applied (they are removed once applied). */
    long backlog();
}
