package events.api;

/** The dead-letter stream: analytics sets poison events aside here; ingest records them in failed_jobs. */
public interface DeadLetters {

    void publish(DeadLetter letter);

    /** Puts a page view back on the page-view stream (replay of a dead letter after the fix). */
    void redeliver(PageViewRecorded event);
}
