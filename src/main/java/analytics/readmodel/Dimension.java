package analytics.readmodel;

import java.util.function.Function;

import events.api.Acquisition;
import events.api.Device;
import events.api.Location;
import events.api.PageViewRecorded;
import events.api.Visit;

/**
 * A visit property the read model breaks visits down by, with Plausible's name. Visit-level values
 * come from the visit's first hit; device and location are the visitor's (the same for every hit
 * of a visit, since both are part of the visitor id).
 */
public enum Dimension {
    SOURCE("source", "visit:source", e -> source(e).source()),
    REFERRER("referrer", "visit:referrer", e -> referrer(source(e))),
    CHANNEL("channel", "visit:channel", e -> source(e).channel()),
    UTM_MEDIUM("utm_medium", "visit:utm_medium", e -> source(e).utmMedium()),
    UTM_SOURCE("utm_source", "visit:utm_source", e -> source(e).utmSource()),
    UTM_CAMPAIGN("utm_campaign", "visit:utm_campaign", e -> source(e).utmCampaign()),
    UTM_CONTENT("utm_content", "visit:utm_content", e -> source(e).utmContent()),
    UTM_TERM("utm_term", "visit:utm_term", e -> source(e).utmTerm()),
    DEVICE("device", "visit:device", e -> device(e).screen()),
    BROWSER("browser", "visit:browser", e -> device(e).browser()),
    BROWSER_VERSION("browser_version", "visit:browser_version",
            e -> versioned(device(e).browser(), device(e).browserVersion())),
    OS("os", "visit:os", e -> device(e).os()),
    OS_VERSION("os_version", "visit:os_version", e -> versioned(device(e).os(), device(e).osVersion())),
    COUNTRY("country", "visit:country", e -> location(e).country()),
    REGION("region", "visit:region", e -> location(e).region()),
    CITY("city", "visit:city", e -> location(e).city()),
    /** Counted on the entry page view; not one of the values every hit of a visit carries. */
    ENTRY_PAGE("entry_page", "visit:entry_page", e -> visit(e).entryPage()),
    /** Counted as the visit's last page view moves: +1 for the new exit, -1 for the old one. */
    EXIT_PAGE("exit_page", "visit:exit_page", e -> null);

    /** Joins a name and its version in one member ("Chrome" and "124.0"); split by {@link #nameAndVersion}. */
    public static final String VERSION_SEPARATOR = "\u001f";
    /** What Plausible shows for a visit with no source or referrer. */
    public static final String DIRECT = "Direct / None";

    private final String key;
    private final String property;
    private final Function<PageViewRecorded, String> value;

    Dimension(String key, String property, Function<PageViewRecorded, String> value) {
        this.key = key;
        this.property = property;
        this.value = value;
    }

    /** Its part of the read model's key names. */
    String key() {
        return key;
    }

    /** Plausible's property name, e.g. {@code visit:source}. */
    public String property() {
        return property;
    }

    /** True for the dimensions every hit of a visit carries a value of. */
    boolean carriedByEveryHit() {
        return this != ENTRY_PAGE && this != EXIT_PAGE;
    }

    String valueOf(PageViewRecorded event) {
        return value.apply(event);
    }

    /** {@code [name, version]} of a browser or OS version member. */
    public static String[] nameAndVersion(String member) {
        int at = member.indexOf(VERSION_SEPARATOR);
        return at < 0 ? new String[] {member, ""} : new String[] {member.substring(0, at), member.substring(at + 1)};
    }

    public static Dimension ofProperty(String property) {
        for (Dimension dimension : values()) {
            if (dimension.property.equals(property)) {
                return dimension;
            }
        }
        return null;
    }

    private static Visit visit(PageViewRecorded event) {
        return event.visit() == null ? Visit.NONE : event.visit();
    }

    private static Acquisition source(PageViewRecorded event) {
        Acquisition source = visit(event).source();
        return source == null ? Acquisition.NONE : source;
    }

    private static String referrer(Acquisition source) {
        return source.referrer() == null ? DIRECT : source.referrer();
    }

    private static Device device(PageViewRecorded event) {
        return event.device() == null ? new Device(null, null, null, null, null) : event.device();
    }

    private static Location location(PageViewRecorded event) {
        return event.location() == null ? Location.UNKNOWN : event.location();
    }

    private static String versioned(String name, String version) {
        return name == null || version == null ? null : name + VERSION_SEPARATOR + version;
    }
}
