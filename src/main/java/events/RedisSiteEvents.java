package events;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jboss.logging.Logger;

import events.api.SiteEvent;
import events.api.SiteEventSubscriber;
import events.api.SiteEvents;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

/** Site events: one small stream, never trimmed, read whole by every replica and then followed. */
@ApplicationScoped
class RedisSiteEvents implements SiteEvents {

    private static final Logger LOG = Logger.getLogger(RedisSiteEvents.class);
    private static final Duration BLOCK = Duration.ofMillis(250);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

    private final Redis redis;
    private final StreamKeys keys;
    private final EventCodec codec;
    private final Instance<SiteEventSubscriber> subscribers;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean caughtUp = new AtomicBoolean();
    private Thread follower;

    RedisSiteEvents(Redis redis, StreamKeys keys, EventCodec codec, Instance<SiteEventSubscriber> subscribers) {
        this.redis = redis;
        this.keys = keys;
        this.codec = codec;
        this.subscribers = subscribers;
    }

    @Override
    public void publish(SiteEvent event) {
        redis.send(Request.cmd(Command.XADD).arg(keys.sites()).arg("*").arg(StreamFields.TYPE).arg(codec.typeOf(event))
                .arg(StreamFields.EVENT).arg(codec.encode(event))).await().atMost(CALL_TIMEOUT);
    }

    @Override
    public boolean publishIfEmpty(List<SiteEvent> events) {
        if (events.isEmpty()) {
            return false;
        }
        Request announce = Request.cmd(Command.EVAL).arg(Scripts.ANNOUNCE).arg(1).arg(keys.sites());
        for (SiteEvent event : events) {
            announce.arg(codec.typeOf(event)).arg(codec.encode(event));
        }
        return redis.send(announce).await().atMost(CALL_TIMEOUT).toLong() > 0;
    }

    @Override
    public long count() {
        return redis.send(Request.cmd(Command.XLEN).arg(keys.sites())).await().atMost(CALL_TIMEOUT).toLong();
    }

    @Override
    public boolean caughtUp() {
        return caughtUp.get();
    }

    void start(@Observes StartupEvent event) {
        running.set(true);
        follower = new Thread(this::follow, "footfall-site-events");
        follower.setDaemon(true);
        follower.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running.set(false);
        if (follower != null) {
            follower.join(2_000);
        }
    }

    private void follow() {
        String position = "0-0";
        long backoff = 100;
        while (running.get()) {
            try {
                Request read = Request.cmd(Command.XREAD).arg("COUNT").arg(500);
                if (caughtUp.get()) {
                    read.arg("BLOCK").arg(BLOCK.toMillis());
                }
                read.arg("STREAMS").arg(keys.sites()).arg(position);
                List<StreamEntries.Entry> entries = StreamEntries.ofRead(
                        redis.send(read).await().atMost(CALL_TIMEOUT.plus(BLOCK)));
                for (StreamEntries.Entry entry : entries) {
                    deliver(entry);
                    position = entry.id();
                }
                if (entries.isEmpty()) {
                    caughtUp.set(true);
                }
                backoff = 100;
            } catch (RuntimeException e) {
                LOG.warnf("reading site events failed, retrying in %d ms: %s", backoff, e.getMessage());
                sleep(backoff);
                backoff = Math.min(backoff * 2, 5_000);
            }
        }
    }

    private void deliver(StreamEntries.Entry entry) {
        SiteEvent event;
        try {
            event = codec.siteEvent(entry.fields().getOrDefault(StreamFields.TYPE, ""), entry.fields().getOrDefault(StreamFields.EVENT, "{}"));
        } catch (IllegalArgumentException e) {
            LOG.errorf("skipping site event %s: %s", entry.id(), e.getMessage());
            return;
        }
        for (SiteEventSubscriber subscriber : subscribers) {
            try {
                subscriber.on(event);
            } catch (RuntimeException e) {
                LOG.errorf("%s could not take site event %s: %s", subscriber.getClass().getSimpleName(), entry.id(),
                        e.getMessage());
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
