package events.api;

/**
 * What a worker did with one queue entry: stored it (and the event to publish) or set it aside
 * in failed_jobs (event null). Either way the entry is acknowledged.
 */
public record Completion(String entryId, PageViewRecorded event) {
}
