package events.api;

/** One entry of the internal ingest queue, still unacknowledged while a worker holds it. */
public record QueuedHit(int partition, String id, String payload) {
}
