package faults;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A steady stream of unique page views (path /h/{seq}) to one or more Footfall processes, bounded in
 * count and in time, loopback only. Remembers what each hit was answered and when.
 */
final class LoadGenerator {

    static final String CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/124.0.0.0 Safari/537.36";
    private static final int MAX_IN_FLIGHT = 1_000;
    /** footfall.ingest.enqueue-timeout's default: a 503 this late may still have reached the queue. */
    private static final long ENQUEUE_TIMEOUT_MILLIS = 2_000;

    private final List<URI> targets;
    private final String site;
    private final int perSecond;
    private final int maxHits;
    private final Duration maxTime;
    private final Duration timeout;
    private final HttpClient http;
    private final LoadResult result;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final AtomicInteger acknowledged = new AtomicInteger();
    private final ConcurrentLinkedQueue<CompletableFuture<Void>> inFlight = new ConcurrentLinkedQueue<>();
    private final Semaphore slots = new Semaphore(MAX_IN_FLIGHT);
    private Thread sender;

    LoadGenerator(List<URI> targets, String site, int perSecond, int maxHits, Duration maxTime, Duration timeout) {
        this.targets = List.copyOf(targets);
        this.site = site;
        this.perSecond = perSecond;
        this.maxHits = maxHits;
        this.maxTime = maxTime;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
        this.result = new LoadResult(maxHits);
    }

    static HttpRequest.Builder hit(URI base, String site, String path, int seq) {
        String body = "{\"n\":\"pageview\",\"u\":\"https://" + site + path + "\",\"d\":\"" + site + "\"}";
        return HttpRequest.newBuilder(base.resolve("/api/event")).header("Content-Type", "text/plain")
                .header("User-Agent", CHROME).header("X-Forwarded-For", "198.51.100." + (1 + seq % 254))
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    LoadGenerator start() {
        sender = new Thread(this::send, "load-" + site);
        sender.start();
        return this;
    }

    int acknowledgedSoFar() {
        return acknowledged.get();
    }

    /** Waits until the last hit was sent (count or time ran out) and every answer is in. */
    LoadResult awaitEnd() throws InterruptedException {
        sender.join();
        for (CompletableFuture<Void> answer : inFlight) {
            answer.join();
        }
        return result;
    }

    void stop() {
        stopped.set(true);
    }

    private void send() {
        long started = System.nanoTime();
        long deadline = started + maxTime.toNanos();
        for (int seq = 0; seq < maxHits && !stopped.get(); seq++) {
            long due = started + seq * 1_000_000_000L / perSecond;
            while (System.nanoTime() < due) {
                LockSupport.parkNanos(due - System.nanoTime());
            }
            if (System.nanoTime() > deadline) {
                break;
            }
            slots.acquireUninterruptibly();
            int n = seq;
            URI target = targets.get(seq % targets.size());
            long sentAt = System.nanoTime();
            result.sent(n, sentAt);
            inFlight.add(http.sendAsync(hit(target, site, "/h/" + n, n).timeout(timeout).build(),
                    HttpResponse.BodyHandlers.discarding()).handle((response, failure) -> {
                        long answeredAt = System.nanoTime();
                        LoadResult.Outcome outcome = outcome(response, failure, (answeredAt - sentAt) / 1_000_000);
                        if (outcome == LoadResult.Outcome.ACKNOWLEDGED) {
                            acknowledged.incrementAndGet();
                        }
                        result.answered(n, outcome, response == null ? -1 : response.statusCode(), answeredAt);
                        slots.release();
                        return null;
                    }));
        }
    }

    private static LoadResult.Outcome outcome(HttpResponse<Void> response, Throwable failure, long millis) {
        if (response != null) {
            if (response.statusCode() == 202) {
                return response.headers().firstValue("X-Footfall-Dropped").isPresent() ? LoadResult.Outcome.DROPPED
                        : LoadResult.Outcome.ACKNOWLEDGED;
            }
            return response.statusCode() == 503 && millis >= ENQUEUE_TIMEOUT_MILLIS ? LoadResult.Outcome.QUEUE_TIMEOUT
                    : LoadResult.Outcome.REJECTED;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException) {
                return LoadResult.Outcome.NOT_DELIVERED;
            }
            if (cause instanceof HttpTimeoutException) {
                return LoadResult.Outcome.TIMED_OUT;
            }
        }
        return LoadResult.Outcome.CONNECTION_LOST; // reset or closed after sending: Footfall may have taken it
    }
}
