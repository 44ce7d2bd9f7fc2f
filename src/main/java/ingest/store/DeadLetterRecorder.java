package ingest.store;

import java.sql.SQLException;

import events.api.DeadLetter;
import events.api.DeadLetterSubscriber;
import jakarta.enterprise.context.ApplicationScoped;

/** Records dead letters from other modules (the projector's poison events) in failed_jobs. */
@ApplicationScoped
class DeadLetterRecorder implements DeadLetterSubscriber {

    private final PageViewRows rows;

    DeadLetterRecorder(PageViewRows rows) {
        this.rows = rows;
    }

    @Override
    public void on(DeadLetter letter) {
        try {
            rows.recordFailure(letter.source(), letter.ref(), letter.payload(), letter.error(), letter.attempts());
        } catch (SQLException e) {
            // MySQL is away: fail the batch, the feed retries it from its cursor
            throw new IllegalStateException("cannot record dead letter " + letter.ref() + ": " + e.getMessage(), e);
        }
    }
}
