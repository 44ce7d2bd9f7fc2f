package analytics;

/** A request that clashes with the current state (a rebuild already running, a duplicate): 409. */
final class Conflict extends RuntimeException {

    Conflict(String message) {
        super(message, null, false, false);
    }
}
