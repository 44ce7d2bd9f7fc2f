package analytics.web;

/** A request that must not change anything (a missing or wrong CSRF token, sign-up turned off): 403. */
public final class Forbidden extends RuntimeException {

    public Forbidden(String message) {
        super(message, null, false, false);
    }
}
