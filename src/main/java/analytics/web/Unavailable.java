package analytics.web;

/** MySQL or Redis could not answer a dashboard or Stats API request: 503, never made-up numbers. */
final class Unavailable extends RuntimeException {

    Unavailable(Throwable cause) {
        super("Footfall cannot reach its data stores right now; try again in a moment", cause);
    }
}
