package events.api;

import java.util.List;

public interface SiteEvents {

    void publish(SiteEvent event);

    /**
     * Publishes the events in one atomic step if the stream is empty (Redis lost its data), else
     * nothing; answers whether they were published. Replicas starting together announce once.
     */
    boolean publishIfEmpty(List<SiteEvent> events);

    /** How many site events the stream holds; zero after Redis lost its data. */
    long count();

    /** True once this replica has read every site event that existed when it started. */
    boolean caughtUp();
}
