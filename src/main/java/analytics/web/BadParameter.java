package analytics.web;

/** A request parameter that is missing or malformed; answered 400 naming it. */
public final class BadParameter extends RuntimeException {

    public final String parameter;

    public BadParameter(String parameter, String message) {
        super(message, null, false, false);
        this.parameter = parameter;
    }
}
