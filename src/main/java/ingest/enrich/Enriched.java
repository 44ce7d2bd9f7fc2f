package ingest.enrich;

/** Everything enrichment derives from a hit: where the visit came from, on what device, from where in the world. */
public record Enriched(Acquisition acquisition, Device device, Location location) {
}
