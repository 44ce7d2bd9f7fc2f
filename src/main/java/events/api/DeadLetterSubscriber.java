package events.api;

/** Receives each dead letter at least once; recording it must be idempotent (by source and ref). */
public interface DeadLetterSubscriber {
    void on(DeadLetter letter);
}
