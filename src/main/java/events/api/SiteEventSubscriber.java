package events.api;

/** Receives every site event, on every replica, from the beginning of the site stream. */
public interface SiteEventSubscriber {
    void on(SiteEvent event);
}
