package events;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jboss.logging.Logger;

import events.api.PageViewFeed;
import events.api.PageViewRecorded;
import events.api.PageViewSubscriber;
import events.api.Recorded;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

/**
 * Feeds each PageViewSubscriber every partition in stream order. One replica at a time holds a
 * partition (a lease); if two ever overlap, subscribers stay correct because they dedupe by position.
 */
@ApplicationScoped
class PageViewLoops implements PageViewFeed {

    private static final Logger LOG = Logger.getLogger(PageViewLoops.class);
    private static final Duration BLOCK = Duration.ofMillis(500);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

    private final Redis redis;
    private final StreamKeys keys;
    private final EventCodec codec;
    private final EventsConfig config;
    private final ReplicaId replica;
    private final Instance<PageViewSubscriber> subscribers;
    private final AtomicBoolean running = new AtomicBoolean();
    private final List<Thread> threads = new ArrayList<>();

    PageViewLoops(Redis redis, StreamKeys keys, EventCodec codec, EventsConfig config, ReplicaId replica,
            Instance<PageViewSubscriber> subscribers) {
        this.redis = redis;
        this.keys = keys;
        this.codec = codec;
        this.config = config;
        this.replica = replica;
        this.subscribers = subscribers;
    }

    void start(@Observes StartupEvent event) {
        running.set(true);
        for (PageViewSubscriber subscriber : subscribers) {
            for (int p = 0; p < keys.partitions(); p++) {
                int partition = p;
                Thread thread = new Thread(() -> loop(subscriber, partition), "footfall-" + subscriber.name() + "-" + p);
                thread.setDaemon(true);
                thread.start();
                threads.add(thread);
            }
        }
    }

    void stop(@Observes ShutdownEvent event) {
        running.set(false);
        for (Thread thread : threads) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        releaseLeases();
    }

    /** Hands the partitions over at once instead of after the lease runs out. */
    private void releaseLeases() {
        for (PageViewSubscriber subscriber : subscribers) {
            for (int p = 0; p < keys.partitions(); p++) {
                try {
                    redis.send(Request.cmd(Command.EVAL).arg(Scripts.RELEASE).arg(1)
                            .arg(keys.lease(subscriber.name(), p)).arg(replica.value())).await().atMost(CALL_TIMEOUT);
                } catch (RuntimeException e) {
                    LOG.debugf("could not release lease: %s", e.getMessage());
                }
            }
        }
    }

    private void loop(PageViewSubscriber subscriber, int partition) {
        long backoff = 100;
        while (running.get()) {
            try {
                if (!holdLease(subscriber, partition)) {
                    sleep(config.lease().toMillis() / 3);
                    continue;
                }
                step(subscriber, partition);
                backoff = 100;
            } catch (RuntimeException e) {
                LOG.warnf("%s on partition %d failed, retrying in %d ms: %s", subscriber.name(), partition, backoff,
                        e.getMessage());
                sleep(backoff);
                backoff = Math.min(backoff * 2, 5_000);
            }
        }
    }

    private void step(PageViewSubscriber subscriber, int partition) {
        String cursor = cursor(subscriber.name(), partition).orElse("0-0");
        Response answer = redis.send(Request.cmd(Command.XREAD).arg("COUNT").arg(config.batchSize())
                .arg("BLOCK").arg(BLOCK.toMillis()).arg("STREAMS").arg(keys.pageViews(partition)).arg(cursor))
                .await().atMost(CALL_TIMEOUT.plus(BLOCK));
        List<StreamEntries.Entry> entries = StreamEntries.ofRead(answer);
        if (entries.isEmpty()) {
            return;
        }
        List<Recorded<PageViewRecorded>> batch = new ArrayList<>(entries.size());
        for (StreamEntries.Entry entry : entries) {
            try {
                batch.add(new Recorded<>(partition, entry.id(), codec.pageView(entry.fields().get("e"))));
            } catch (IllegalArgumentException e) {
                LOG.errorf("skipping unreadable event %s on partition %d: %s", entry.id(), partition, e.getMessage());
            }
        }
        subscriber.apply(partition, batch);
        String last = entries.get(entries.size() - 1).id();
        redis.send(Request.cmd(Command.SET).arg(keys.cursor(subscriber.name(), partition)).arg(last))
                .await().atMost(CALL_TIMEOUT);
    }

    private boolean holdLease(PageViewSubscriber subscriber, int partition) {
        Response held = redis.send(Request.cmd(Command.EVAL).arg(Scripts.LEASE).arg(1)
                .arg(keys.lease(subscriber.name(), partition)).arg(replica.value())
                .arg(config.lease().toMillis())).await().atMost(CALL_TIMEOUT);
        return held.toInteger() == 1;
    }

    @Override
    public Optional<String> cursor(String subscriber, int partition) {
        Response value = redis.send(Request.cmd(Command.GET).arg(keys.cursor(subscriber, partition)))
                .await().atMost(CALL_TIMEOUT);
        return Optional.ofNullable(value).map(Response::toString);
    }

    @Override
    public long lagMillis(String subscriber) {
        long lag = 0;
        for (int p = 0; p < keys.partitions(); p++) {
            Response newest = redis.send(Request.cmd(Command.XREVRANGE).arg(keys.pageViews(p)).arg("+").arg("-")
                    .arg("COUNT").arg(1)).await().atMost(CALL_TIMEOUT);
            List<StreamEntries.Entry> last = StreamEntries.ofList(newest);
            if (last.isEmpty()) {
                continue;
            }
            long newestMillis = StreamEntries.millisOf(last.get(0).id());
            long appliedMillis = cursor(subscriber, p).map(StreamEntries::millisOf).orElse(0L);
            lag += Math.max(0, newestMillis - appliedMillis);
        }
        return lag;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
