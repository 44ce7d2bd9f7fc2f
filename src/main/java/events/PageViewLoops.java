package events;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;

import org.jboss.logging.Logger;

import events.api.DeadLetterSubscriber;
import events.api.PageViewFeed;
import events.api.PageViewRecorded;
import events.api.PageViewSubscriber;
import events.api.Recorded;
import events.api.ReplaySubscriber;
import events.api.StreamIds;
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
 * Feeds subscribers every partition of a stream in stream order: the page-view stream to each
 * PageViewSubscriber, the replay stream to each ReplaySubscriber. One replica at a time holds a
 * partition (a lease); if two ever overlap, subscribers stay correct because they dedupe by position.
 */
@ApplicationScoped
class PageViewLoops implements PageViewFeed {

    /** What one loop reads and to whom it hands each batch of entries. */
    private record Feed(String name, int partitions, IntFunction<String> stream, boolean trimApplied,
            EntryHandler handler) {
    }

    private interface EntryHandler {
        void handle(int partition, List<StreamEntries.Entry> entries);
    }

    private static final Logger LOG = Logger.getLogger(PageViewLoops.class);
    private static final Duration BLOCK = Duration.ofMillis(500);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

    private final Redis redis;
    private final StreamKeys keys;
    private final EventCodec codec;
    private final EventsConfig config;
    private final ReplicaId replica;
    private final List<Feed> feeds = new ArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean();
    private final List<Thread> threads = new ArrayList<>();

    PageViewLoops(Redis redis, StreamKeys keys, EventCodec codec, EventsConfig config, ReplicaId replica,
            Instance<PageViewSubscriber> pageViewSubscribers, Instance<ReplaySubscriber> replaySubscribers,
            Instance<DeadLetterSubscriber> deadLetterSubscribers) {
        this.redis = redis;
        this.keys = keys;
        this.codec = codec;
        this.config = config;
        this.replica = replica;
        for (PageViewSubscriber subscriber : pageViewSubscribers) {
            feeds.add(new Feed(subscriber.name(), keys.partitions(), keys::pageViews, false,
                    (partition, entries) -> subscriber.apply(partition, pageViews(partition, entries))));
        }
        for (ReplaySubscriber subscriber : replaySubscribers) {
            // replayed events are removed once applied: a rebuild of millions of rows must not fill Redis
            feeds.add(new Feed(subscriber.name(), keys.partitions(), keys::replay, true,
                    (partition, entries) -> replay(subscriber, partition, entries)));
        }
        for (DeadLetterSubscriber subscriber : deadLetterSubscribers) {
            feeds.add(new Feed("dead-letters", 1, partition -> keys.deadLetters(), false,
                    (partition, entries) -> entries.forEach(entry -> subscriber.on(codec.deadLetter(
                            entry.fields().get(StreamFields.EVENT))))));
        }
    }

    void start(@Observes StartupEvent event) {
        running.set(true);
        for (Feed feed : feeds) {
            for (int p = 0; p < feed.partitions(); p++) {
                int partition = p;
                Thread thread = new Thread(() -> loop(feed, partition), "footfall-" + feed.name() + "-" + p);
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

    private void loop(Feed feed, int partition) {
        long backoff = 100;
        while (running.get()) {
            try {
                if (!holdLease(feed.name(), partition)) {
                    sleep(config.lease().toMillis() / 3);
                    continue;
                }
                step(feed, partition);
                backoff = 100;
            } catch (RuntimeException e) {
                LOG.warnf("%s on partition %d failed, retrying in %d ms: %s", feed.name(), partition, backoff,
                        e.getMessage());
                sleep(backoff);
                backoff = Math.min(backoff * 2, 5_000);
            }
        }
    }

    private void step(Feed feed, int partition) {
        String cursor = cursor(feed.name(), partition).orElse("0-0");
        Response answer = redis.send(Request.cmd(Command.XREAD).arg("COUNT").arg(config.batchSize())
                .arg("BLOCK").arg(BLOCK.toMillis()).arg("STREAMS").arg(feed.stream().apply(partition)).arg(cursor))
                .await().atMost(CALL_TIMEOUT.plus(BLOCK));
        List<StreamEntries.Entry> entries = StreamEntries.ofRead(answer);
        if (entries.isEmpty()) {
            return;
        }
        feed.handler().handle(partition, entries);
        String last = entries.get(entries.size() - 1).id();
        List<Request> after = new ArrayList<>(2);
        after.add(Request.cmd(Command.SET).arg(keys.cursor(feed.name(), partition)).arg(last));
        if (feed.trimApplied()) {
            after.add(Request.cmd(Command.XTRIM).arg(feed.stream().apply(partition)).arg("MINID")
                    .arg(StreamIds.next(last)));
        }
        redis.batch(after).await().atMost(CALL_TIMEOUT);
    }

    private List<Recorded<PageViewRecorded>> pageViews(int partition, List<StreamEntries.Entry> entries) {
        List<Recorded<PageViewRecorded>> batch = new ArrayList<>(entries.size());
        for (StreamEntries.Entry entry : entries) {
            try {
                batch.add(new Recorded<>(partition, entry.id(), codec.pageView(entry.fields().get(StreamFields.EVENT))));
            } catch (IllegalArgumentException e) {
                LOG.errorf("skipping unreadable event %s on partition %d: %s", entry.id(), partition, e.getMessage());
            }
        }
        return batch;
    }

    /** Hands replayed events over in order, with the begin and end markers between them. */
    private void replay(ReplaySubscriber subscriber, int partition, List<StreamEntries.Entry> entries) {
        List<Recorded<PageViewRecorded>> run = new ArrayList<>();
        int runGeneration = -1;
        for (StreamEntries.Entry entry : entries) {
            int generation = Integer.parseInt(entry.fields().getOrDefault(StreamFields.GENERATION, "0"));
            String marker = entry.fields().get(StreamFields.MARKER);
            if (marker == null && generation == runGeneration) {
                run.addAll(pageViews(partition, List.of(entry)));
                continue;
            }
            if (!run.isEmpty()) {
                subscriber.apply(partition, runGeneration, run);
                run = new ArrayList<>();
            }
            runGeneration = generation;
            if (marker == null) {
                run.addAll(pageViews(partition, List.of(entry)));
            } else {
                long total = Long.parseLong(entry.fields().getOrDefault(StreamFields.COUNT, "0"));
                switch (marker) {
                    case "begin" -> subscriber.started(partition, generation, total);
                    case "end" -> subscriber.finished(partition, generation, total);
                    default -> subscriber.aborted(partition, generation, entry.fields().getOrDefault(StreamFields.REASON, ""));
                }
                runGeneration = -1;
            }
        }
        if (!run.isEmpty()) {
            subscriber.apply(partition, runGeneration, run);
        }
    }

    private boolean holdLease(String name, int partition) {
        Response held = redis.send(Request.cmd(Command.EVAL).arg(Scripts.LEASE).arg(1)
                .arg(keys.lease(name, partition)).arg(replica.value())
                .arg(config.lease().toMillis())).await().atMost(CALL_TIMEOUT);
        return held.toInteger() == 1;
    }

    /** Hands the partitions over at once instead of after the lease runs out. */
    private void releaseLeases() {
        for (Feed feed : feeds) {
            for (int p = 0; p < feed.partitions(); p++) {
                try {
                    redis.send(Request.cmd(Command.EVAL).arg(Scripts.RELEASE).arg(1)
                            .arg(keys.lease(feed.name(), p)).arg(replica.value())).await().atMost(CALL_TIMEOUT);
                } catch (RuntimeException e) {
                    LOG.debugf("could not release lease: %s", e.getMessage());
                }
            }
        }
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
            long newestMillis = StreamIds.millisOf(last.get(0).id());
            long appliedMillis = cursor(subscriber, p).map(StreamIds::millisOf).orElse(0L);
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
