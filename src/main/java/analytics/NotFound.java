package analytics;

/** A site that does not exist or that the caller may not see: both are a plain 404. */
final class NotFound extends RuntimeException {

    NotFound(String message) {
        super(message, null, false, false);
    }
}
