package analytics.readmodel;

import java.util.function.Predicate;

import events.api.PageViewRecorded;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Checks an event before it is projected. Rejects events newer than this code understands; tests
 * can also make chosen events fail here, to play a projector bug and its fix.
 */
@ApplicationScoped
class ProjectionFaults {

    private volatile Predicate<PageViewRecorded> injected = event -> false;

    void check(PageViewRecorded event) {
        if (event.version() > PageViewRecorded.VERSION) {
            throw new UnsupportedOperationException("PageViewRecorded version " + event.version()
                    + " is newer than this Footfall understands (" + PageViewRecorded.VERSION + ")");
        }
        if (event.site() == null || event.name() == null || event.isPageview() && event.path() == null) {
            throw new IllegalArgumentException("PageViewRecorded " + event.eventId() + " lacks site, name or path");
        }
        if (injected.test(event)) {
            throw new IllegalStateException("injected projection fault for " + event.path());
        }
    }

    /** Tests only: make matching events fail; {@code event -> false} is the fix. */
    void inject(Predicate<PageViewRecorded> fault) {
        injected = fault;
    }
}
