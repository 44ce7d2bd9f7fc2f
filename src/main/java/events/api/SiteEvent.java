package events.api;

/** Something that happened to a site; every replica's ingest and analytics follow these. */
public sealed interface SiteEvent permits SiteRegistered, SiteRemoved, SiteExclusionsChanged {
    int version();

    String domain();
}
