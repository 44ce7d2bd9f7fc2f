package events.api;

public record SiteRegistered(int version, String domain, String timezone) implements SiteEvent {
    public static final int VERSION = 1;

    public SiteRegistered(String domain, String timezone) {
        this(VERSION, domain, timezone);
    }
}
