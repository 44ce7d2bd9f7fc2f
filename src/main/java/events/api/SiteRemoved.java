package events.api;

public record SiteRemoved(int version, String domain) implements SiteEvent {
    public static final int VERSION = 1;

    public SiteRemoved(String domain) {
        this(VERSION, domain);
    }
}
