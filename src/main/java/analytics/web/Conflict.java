package analytics.web;

/** A request that clashes with the current state (a rebuild already running, a duplicate): 409. */
public final class Conflict extends RuntimeException {

    public Conflict(String message) {
        super(message, null, false, false);
    }
}
