package events.api;

import java.util.List;

/** The IP addresses and CIDR ranges whose hits a site drops (the whole list, replacing the last one). */
public record SiteExclusionsChanged(int version, String domain, List<String> ranges) implements SiteEvent {
    public static final int VERSION = 1;

    public SiteExclusionsChanged(String domain, List<String> ranges) {
        this(VERSION, domain, List.copyOf(ranges));
    }
}
