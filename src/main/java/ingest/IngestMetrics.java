package ingest;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

/** Counters of what happened to hits, for /q/metrics. */
@ApplicationScoped
public class IngestMetrics {

    private final MeterRegistry registry;
    private final Timer batchWrite;

    private final AtomicLong queueDepth = new AtomicLong();

    IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("footfall.queue.depth", queueDepth, AtomicLong::get)
                .description("hits accepted but not yet stored (unacknowledged queue entries)").register(registry);
        this.batchWrite = Timer.builder("footfall.batch.write").description("time to write one batch to MySQL")
                .publishPercentiles(0.5, 0.95, 0.99).register(registry);
    }

    public void batchWritten(long nanos) {
        batchWrite.record(nanos, TimeUnit.NANOSECONDS);
    }

    void queueDepth(long depth) {
        queueDepth.set(depth);
    }

    void accepted() {
        registry.counter("footfall.hits.accepted").increment();
    }

    void dropped(String reason) {
        registry.counter("footfall.hits.dropped", "reason", reason).increment();
    }

    void rejected(String field) {
        registry.counter("footfall.hits.rejected", "field", field).increment();
    }

    public void stored(int rows) {
        registry.counter("footfall.hits.stored").increment(rows);
    }

    public void failed(int rows) {
        registry.counter("footfall.hits.failed").increment(rows);
    }
}
