package ingest;

/** A hit that cannot be accepted: the field at fault and why, answered as 400 or 413. */
final class BadHit extends RuntimeException {

    final int status;
    final String field;

    BadHit(int status, String field, String message) {
        super(message, null, false, false);
        this.status = status;
        this.field = field;
    }

    static BadHit of(String field, String message) {
        return new BadHit(400, field, message);
    }
}
