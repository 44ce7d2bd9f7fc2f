package analytics.web;

/** A site that does not exist or that the caller may not see: both are a plain 404. */
public final class NotFound extends RuntimeException {

    public NotFound(String message) {
        super(message, null, false, false);
    }
}
