package events.api;

/** Something a worker could not process after retries: set aside with its error, to replay after a fix. */
public record DeadLetter(String source, String ref, String payload, String error, int attempts) {
}
