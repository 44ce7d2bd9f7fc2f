package analytics;

/** A request that must not change anything (a missing or wrong CSRF token, sign-up turned off): 403. */
final class Forbidden extends RuntimeException {

    Forbidden(String message) {
        super(message, null, false, false);
    }
}
