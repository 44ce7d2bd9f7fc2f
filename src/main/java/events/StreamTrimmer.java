package events;

import java.time.Duration;
import java.time.Instant;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import jakarta.enterprise.context.ApplicationScoped;

/** Drops page-view events older than the retention; one replica per hour does it (a short lock). */
@ApplicationScoped
class StreamTrimmer {

    private static final Logger LOG = Logger.getLogger(StreamTrimmer.class);

    private final Redis redis;
    private final StreamKeys keys;
    private final EventsConfig config;

    StreamTrimmer(Redis redis, StreamKeys keys, EventsConfig config) {
        this.redis = redis;
        this.keys = keys;
        this.config = config;
    }

    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void trim() {
        var lock = redis.send(Request.cmd(Command.SET).arg(keys.trimLock()).arg("1").arg("NX").arg("EX").arg(600))
                .await().atMost(Duration.ofSeconds(10));
        if (lock == null) {
            return;
        }
        long oldest = Instant.now().minus(config.retention()).toEpochMilli();
        for (int p = 0; p < keys.partitions(); p++) {
            var removed = redis.send(Request.cmd(Command.XTRIM).arg(keys.pageViews(p)).arg("MINID").arg("~")
                    .arg(oldest)).await().atMost(Duration.ofSeconds(30));
            LOG.debugf("trimmed %s events from %s", removed, keys.pageViews(p));
        }
    }
}
