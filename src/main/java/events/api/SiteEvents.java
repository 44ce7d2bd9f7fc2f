package events.api;

public interface SiteEvents {

    void publish(SiteEvent event);

    /** How many site events the stream holds; zero after Redis lost its data. */
    long count();

    /** True once this replica has read every site event that existed when it started. */
    boolean caughtUp();
}
