package analytics.readmodel;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jboss.logging.Logger;

import analytics.web.Conflict;
import events.api.ReplayRequest;
import events.api.Replays;
import io.quarkus.scheduler.Scheduled;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Rebuilds the read model from the raw rows: a new generation grows beside the live one (replayed
 * rows before the cutoff, live events after it), then readers switch over in one write and the
 * old generation is dropped.
 */
@ApplicationScoped
class Rebuilds {

    private static final Logger LOG = Logger.getLogger(Rebuilds.class);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);
    /** Live events from this far after the start go to the new generation live; older ones come replayed. */
    static final Duration CUTOFF_MARGIN = Duration.ofSeconds(5);
    /** Readers may still hold the old generation for a moment after the switch. */
    static final Duration DROP_DELAY = Duration.ofSeconds(10);

    private final Redis redis;
    private final Generations generations;
    private final Replays replays;
    private final ReadModel readModel;
    private final Clock clock;

    Rebuilds(Redis redis, Generations generations, Replays replays, ReadModel readModel, Clock clock) {
        this.redis = redis;
        this.generations = generations;
        this.replays = replays;
        this.readModel = readModel;
        this.clock = clock;
    }

    /** Starts a rebuild; BadParameter when one is already running. */
    Map<String, Object> start() {
        Generations.State state = generations.state(true);
        int next = state.current().generation() + 1;
        if (redis.send(Request.cmd(Command.HSETNX).arg(generations.stateKey()).arg("building").arg(next))
                .await().atMost(CALL_TIMEOUT).toInteger() == 0) {
            throw new Conflict("a rebuild is already running");
        }
        long now = clock.millis();
        long cutoff = now + CUTOFF_MARGIN.toMillis();
        readModel.dropGeneration(generations.keys(next)); // leftovers of an earlier, failed attempt
        redis.batch(List.of(
                Request.cmd(Command.HSET).arg(generations.stateKey()).arg("cutoff").arg(cutoff)
                        .arg("status").arg("replaying").arg("started").arg(now).arg("replayed").arg(0)
                        .arg("total").arg(-1).arg("done").arg(0).arg("error").arg(""),
                // the previous rebuild's end would make this one's rate meaningless until it ends
                Request.cmd(Command.HDEL).arg(generations.stateKey()).arg("finished")))
                .await().atMost(CALL_TIMEOUT);
        replays.request(new ReplayRequest(next, cutoff));
        LOG.infof("rebuild of the read model started: generation %d, cutoff %d", next, cutoff);
        return status();
    }

    Map<String, Object> status() {
        Map<String, String> fields = generations.state(true).fields();
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("generation", Integer.parseInt(fields.getOrDefault("building", fields.getOrDefault("current", "1"))));
        status.put("current", Integer.parseInt(fields.getOrDefault("current", "1")));
        status.put("status", fields.getOrDefault("status", "idle"));
        long replayed = Long.parseLong(fields.getOrDefault("replayed", "0"));
        status.put("replayed", replayed);
        status.put("total", Long.parseLong(fields.getOrDefault("total", "-1")));
        long started = Long.parseLong(fields.getOrDefault("started", "0"));
        long ended = Long.parseLong(fields.getOrDefault("finished", "0"));
        long elapsed = (ended > 0 ? ended : clock.millis()) - started;
        status.put("eventsPerSecond", started > 0 && elapsed > 0 ? replayed * 1000 / elapsed : 0);
        if (!fields.getOrDefault("error", "").isEmpty()) {
            status.put("error", fields.get("error"));
        }
        return status;
    }

    void started(int generation, long total) {
        if (isBuilding(generation)) {
            hset("total", Long.toString(total));
        }
    }

    void replayed(int generation, long count) {
        redis.send(Request.cmd(Command.HINCRBY).arg(generations.stateKey()).arg("replayed").arg(count))
                .await().atMost(CALL_TIMEOUT);
    }

    /**
     * One partition is replayed ({@code total}: rows replayed over all partitions, exact, where the
     * start had only MySQL's estimate); when all are, readers switch to the new generation.
     */
    void finished(int generation, int partition, int partitions, long total) {
        if (!isBuilding(generation)) {
            return;
        }
        hset("total", Long.toString(total));
        long done = redis.send(Request.cmd(Command.HINCRBY).arg(generations.stateKey()).arg("done").arg(1))
                .await().atMost(CALL_TIMEOUT).toLong();
        if (done < partitions) {
            return;
        }
        int previous = generations.state(true).current().generation();
        redis.batch(List.of(
                Request.cmd(Command.HSET).arg(generations.stateKey()).arg("current").arg(generation)
                        .arg("status").arg("done").arg("finished").arg(clock.millis())
                        .arg("drop").arg(previous).arg("drop-after").arg(clock.millis() + DROP_DELAY.toMillis()),
                Request.cmd(Command.HDEL).arg(generations.stateKey()).arg("building").arg("cutoff")))
                .await().atMost(CALL_TIMEOUT);
        LOG.infof("read model generation %d is live; generation %d will be dropped", generation, previous);
    }

    void aborted(int generation, String reason) {
        if (!isBuilding(generation)) {
            return;
        }
        redis.batch(List.of(
                Request.cmd(Command.HSET).arg(generations.stateKey()).arg("status").arg("failed").arg("error")
                        .arg(reason).arg("drop").arg(generation).arg("drop-after").arg(clock.millis()),
                Request.cmd(Command.HDEL).arg(generations.stateKey()).arg("building").arg("cutoff")))
                .await().atMost(CALL_TIMEOUT);
        LOG.errorf("rebuild of generation %d failed: %s", generation, reason);
    }

    /** Drops the generation that a rebuild replaced (or a failed rebuild left), once readers moved on. */
    @Scheduled(every = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void dropReplaced() {
        try {
            Map<String, String> fields = generations.state(true).fields();
            String drop = fields.get("drop");
            if (drop == null || clock.millis() < Long.parseLong(fields.getOrDefault("drop-after", "0"))) {
                return;
            }
            int generation = Integer.parseInt(drop);
            if (generation == generations.state(true).current().generation()) {
                return;
            }
            readModel.dropGeneration(generations.keys(generation));
            redis.send(Request.cmd(Command.HDEL).arg(generations.stateKey()).arg("drop").arg("drop-after"))
                    .await().atMost(CALL_TIMEOUT);
            LOG.infof("dropped read model generation %d", generation);
        } catch (RuntimeException e) {
            LOG.warnf("could not drop the replaced generation yet: %s", e.toString());
        }
    }

    private boolean isBuilding(int generation) {
        return generations.state(true).building().map(b -> b.keys().generation() == generation).orElse(false);
    }

    private void hset(String field, String value) {
        redis.send(Request.cmd(Command.HSET).arg(generations.stateKey()).arg(field).arg(value))
                .await().atMost(CALL_TIMEOUT);
    }
}
