package events.api;

/** A rebuild's request: replay every stored page view older than the cutoff into a new generation. */
public record ReplayRequest(int generation, long cutoffMillis) {
}
