package analytics;

/** A request parameter that is missing or malformed; answered 400 naming it. */
final class BadParameter extends RuntimeException {

    final String parameter;

    BadParameter(String parameter, String message) {
        super(message, null, false, false);
        this.parameter = parameter;
    }
}
