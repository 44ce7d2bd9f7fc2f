package analytics.readmodel;

import java.util.concurrent.atomic.AtomicLong;

import events.api.PageViewFeed;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/** Samples how far the projector is behind the page-view stream, for /q/metrics. */
@ApplicationScoped
class ProjectorWatch {

    private final PageViewFeed feed;
    private final AtomicLong lagMillis = new AtomicLong();

    ProjectorWatch(PageViewFeed feed, MeterRegistry registry) {
        this.feed = feed;
        Gauge.builder("footfall.stream.lag.seconds", lagMillis, lag -> lag.get() / 1000.0)
                .description("age of the newest event the projector has not applied yet").register(registry);
    }

    @Scheduled(every = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sample() {
        try {
            lagMillis.set(feed.lagMillis(Projector.NAME));
        } catch (RuntimeException e) {
            // Redis is down: readiness reports it; keep the last value
        }
    }
}
