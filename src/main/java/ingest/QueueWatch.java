package ingest;

import events.api.HitQueue;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/** Samples the queue depth for /q/metrics; a growing depth means the writers are behind (or MySQL is down). */
@ApplicationScoped
class QueueWatch {

    private final HitQueue queue;
    private final IngestMetrics metrics;

    QueueWatch(HitQueue queue, IngestMetrics metrics) {
        this.queue = queue;
        this.metrics = metrics;
    }

    @Scheduled(every = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sample() {
        try {
            metrics.queueDepth(queue.depth());
        } catch (RuntimeException e) {
            // Redis is down: readiness reports it; keep the last value
        }
    }
}
