package ingest.store;

import java.sql.DataTruncation;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLSyntaxErrorException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import events.api.Completion;
import events.api.HitQueue;
import events.api.PageViewRecorded;
import events.api.QueuedHit;
import ingest.IngestConfig;
import ingest.IngestMetrics;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The ingest pool: a fixed number of batch writers. Each takes hits from the queue, inserts them
 * into page_views, and only after the commit publishes and acknowledges them in one Redis step.
 * While MySQL is unreachable a writer keeps its batch and waits; nothing is acknowledged.
 */
@ApplicationScoped
class PageViewWriter {

    private static final Logger LOG = Logger.getLogger(PageViewWriter.class);
    private static final Duration TAKE_BLOCK = Duration.ofMillis(500);

    private final HitQueue queue;
    private final PageViewRows rows;
    private final IngestMetrics metrics;
    private final IngestConfig config;
    private final ObjectMapper json;
    private final AtomicBoolean running = new AtomicBoolean();
    private final String replica = UUID.randomUUID().toString().substring(0, 8);
    private ExecutorService pool;

    PageViewWriter(HitQueue queue, PageViewRows rows, IngestMetrics metrics, IngestConfig config, ObjectMapper json) {
        this.queue = queue;
        this.rows = rows;
        this.metrics = metrics;
        this.config = config;
        this.json = json;
    }

    void start(@Observes StartupEvent event) {
        running.set(true);
        if (config.writerThreads() <= 0) {
            LOG.warn("footfall.ingest.writer-threads is 0: this replica accepts hits but stores none");
            return;
        }
        AtomicInteger names = new AtomicInteger();
        pool = Executors.newFixedThreadPool(config.writerThreads(), task -> {
            Thread thread = new Thread(task, "footfall-ingest-" + names.getAndIncrement());
            thread.setDaemon(true);
            return thread;
        });
        for (int i = 0; i < config.writerThreads(); i++) {
            int worker = i;
            pool.submit(() -> loop(worker));
        }
    }

    /** Graceful stop: no new batches; the batch in flight finishes and only committed hits are acknowledged. */
    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running.set(false);
        if (pool != null) {
            pool.shutdown();
            pool.awaitTermination(20, TimeUnit.SECONDS);
        }
    }

    /** Worker w serves every partition p with p % n == w % n, n = min(threads, partitions). */
    private void loop(int worker) {
        int lanes = Math.min(config.writerThreads(), queue.partitions());
        List<Integer> partitions = new ArrayList<>();
        for (int p = worker % lanes; p < queue.partitions(); p += lanes) {
            partitions.add(p);
        }
        Duration block = Duration.ofMillis(Math.max(50, TAKE_BLOCK.toMillis() / partitions.size()));
        String consumer = replica + "-w" + worker;
        long nextReclaim = 0;
        long backoff = 100;
        while (running.get()) {
            try {
                boolean reclaim = System.currentTimeMillis() >= nextReclaim;
                if (reclaim) {
                    nextReclaim = System.currentTimeMillis() + config.reclaimAfter().toMillis() / 3;
                }
                for (int partition : partitions) {
                    List<QueuedHit> batch = reclaim
                            ? queue.reclaim(partition, consumer, config.reclaimAfter(), config.batchSize())
                            : List.of();
                    if (batch.isEmpty()) {
                        batch = queue.take(partition, consumer, config.batchSize(), block);
                    }
                    if (!batch.isEmpty()) {
                        write(partition, consumer, batch);
                    }
                }
                backoff = 100;
            } catch (RuntimeException e) {
                LOG.warnf("writer %s: %s; retrying in %d ms", consumer, e.getMessage(), backoff);
                sleep(backoff);
                backoff = Math.min(backoff * 2, 5_000);
            }
        }
    }

    void write(int partition, String consumer, List<QueuedHit> batch) {
        List<Completion> done = new ArrayList<>(batch.size());
        List<PageViewRecorded> events = new ArrayList<>(batch.size());
        List<QueuedHit> readable = new ArrayList<>(batch.size());
        for (QueuedHit hit : batch) {
            try {
                events.add(json.readValue(hit.payload(), PageViewRecorded.class));
                readable.add(hit);
            } catch (Exception e) {
                if (!setAside(hit, "queue:" + hit.id(), "unreadable payload: " + e.getMessage(), 1)) {
                    return;
                }
                done.add(new Completion(hit.id(), null));
            }
        }
        if (!store(readable, events, done)) {
            return; // shutting down during an outage: the entries stay pending for the next start
        }
        if (!config.pauseAfterCommit().isZero()) {
            sleep(config.pauseAfterCommit().toMillis());
        }
        queue.complete(partition, consumer, done);
    }

    private boolean store(List<QueuedHit> hits, List<PageViewRecorded> events, List<Completion> done) {
        int attempts = 0;
        long backoff = 200;
        while (true) {
            long started = System.nanoTime();
            try {
                int inserted = rows.insert(events);
                metrics.batchWritten(System.nanoTime() - started);
                metrics.stored(inserted);
                for (int i = 0; i < hits.size(); i++) {
                    done.add(new Completion(hits.get(i).id(), events.get(i)));
                }
                return true;
            } catch (SQLException e) {
                if (isOutage(e)) {
                    if (!running.get()) {
                        return false;
                    }
                    LOG.warnf("MySQL unavailable (%s); holding %d hits and retrying in %d ms", e.getMessage(),
                            hits.size(), backoff);
                    sleep(backoff);
                    backoff = Math.min(backoff * 2, 5_000);
                    continue;
                }
                attempts++;
                if (attempts >= config.maxAttempts()) {
                    return storeOneByOne(hits, events, done, attempts, e);
                }
                sleep(backoff);
            }
        }
    }

    /** A batch that keeps failing is split: good rows are stored, bad ones set aside in failed_jobs. */
    private boolean storeOneByOne(List<QueuedHit> hits, List<PageViewRecorded> events, List<Completion> done,
            int attempts, SQLException batchError) {
        LOG.errorf("batch of %d failed %d times (%s); storing row by row", hits.size(), attempts,
                batchError.getMessage());
        for (int i = 0; i < hits.size(); i++) {
            try {
                metrics.stored(rows.insert(List.of(events.get(i))));
                done.add(new Completion(hits.get(i).id(), events.get(i)));
            } catch (SQLException e) {
                if (isOutage(e)) {
                    return false;
                }
                if (!setAside(hits.get(i), events.get(i).eventId(), e.getMessage(), attempts)) {
                    return false;
                }
                done.add(new Completion(hits.get(i).id(), null));
            }
        }
        return true;
    }

    private boolean setAside(QueuedHit hit, String ref, String error, int attempts) {
        try {
            rows.recordFailure("ingest", ref, hit.payload(), error, attempts);
            metrics.failed(1);
            return true;
        } catch (SQLException e) {
            LOG.errorf("cannot record failed hit %s: %s", hit.id(), e.getMessage());
            return false;
        }
    }

    /** Errors that say nothing about the data: retry the same batch until MySQL is back. */
    static boolean isOutage(SQLException e) {
        if (e instanceof SQLDataException || e instanceof SQLIntegrityConstraintViolationException
                || e instanceof SQLSyntaxErrorException || e instanceof DataTruncation) {
            return false;
        }
        String state = e.getSQLState();
        // SQLSTATE classes 22 (data), 23 (integrity) and 42 (syntax, access) are about the rows
        return state == null || !(state.startsWith("22") || state.startsWith("23") || state.startsWith("42"));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
