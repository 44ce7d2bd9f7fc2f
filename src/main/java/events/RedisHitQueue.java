package events;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import org.jboss.logging.Logger;

import events.api.Completion;
import events.api.HitQueue;
import events.api.QueuedHit;
import events.api.StreamIds;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;

/** The internal queue as one Redis stream per partition, read by the writers' consumer group. */
@ApplicationScoped
class RedisHitQueue implements HitQueue {

    static final String GROUP = "writers";
    private static final Logger LOG = Logger.getLogger(RedisHitQueue.class);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

    private final Redis redis;
    private final StreamKeys keys;
    private final EventCodec codec;
    private final EventLoopBatches batches;

    RedisHitQueue(Redis redis, StreamKeys keys, EventCodec codec) {
        this.redis = redis;
        this.keys = keys;
        this.codec = codec;
        this.batches = new EventLoopBatches(redis);
    }

    @Override
    public int partitions() {
        return keys.partitions();
    }

    @Override
    public Uni<Void> enqueue(String site, String payload) {
        String queue = keys.queue(keys.partitionOf(site));
        return batches.send(queue, Request.cmd(Command.XADD).arg(queue).arg("*").arg(StreamFields.HIT).arg(payload));
    }

    @Override
    public List<QueuedHit> take(int partition, String consumer, int max, Duration block) {
        Request read = Request.cmd(Command.XREADGROUP).arg("GROUP").arg(GROUP).arg(consumer)
                .arg("COUNT").arg(max).arg("BLOCK").arg(block.toMillis())
                .arg("STREAMS").arg(keys.queue(partition)).arg(">");
        return hits(partition, StreamEntries.ofRead(sendWithGroup(partition, read, block)));
    }

    @Override
    public List<QueuedHit> reclaim(int partition, String consumer, Duration minIdle, int max) {
        Request claim = Request.cmd(Command.XAUTOCLAIM).arg(keys.queue(partition)).arg(GROUP).arg(consumer)
                .arg(minIdle.toMillis()).arg("0-0").arg("COUNT").arg(max);
        Response answer = sendWithGroup(partition, claim, Duration.ZERO);
        return answer == null ? List.of() : hits(partition, StreamEntries.ofList(answer.get(1)));
    }

    @Override
    public int complete(int partition, String consumer, List<Completion> done) {
        if (done.isEmpty()) {
            return 0;
        }
        Request eval = Request.cmd(Command.EVAL).arg(Scripts.COMPLETE).arg(2)
                .arg(keys.queue(partition)).arg(keys.pageViews(partition)).arg(GROUP).arg(consumer);
        for (Completion completion : done) {
            eval.arg(completion.entryId()).arg(completion.event() == null ? "" : codec.encode(completion.event()));
        }
        return redis.send(eval).await().atMost(CALL_TIMEOUT).toInteger();
    }

    @Override
    public long depth() {
        long total = 0;
        for (int p = 0; p < keys.partitions(); p++) {
            total += redis.send(Request.cmd(Command.XLEN).arg(keys.queue(p))).await().atMost(CALL_TIMEOUT).toLong();
        }
        return total;
    }

    @Override
    public OptionalLong oldestMillis() {
        OptionalLong oldest = OptionalLong.empty();
        for (int p = 0; p < keys.partitions(); p++) {
            List<StreamEntries.Entry> first = StreamEntries.ofList(redis.send(Request.cmd(Command.XRANGE)
                    .arg(keys.queue(p)).arg("-").arg("+").arg("COUNT").arg(1)).await().atMost(CALL_TIMEOUT));
            if (!first.isEmpty()) {
                long millis = StreamIds.millisOf(first.get(0).id());
                oldest = oldest.isEmpty() || millis < oldest.getAsLong() ? OptionalLong.of(millis) : oldest;
            }
        }
        return oldest;
    }

    private Response sendWithGroup(int partition, Request request, Duration block) {
        Duration timeout = CALL_TIMEOUT.plus(block);
        try {
            return redis.send(request).await().atMost(timeout);
        } catch (RuntimeException e) {
            if (!String.valueOf(e.getMessage()).contains("NOGROUP")) {
                throw e;
            }
            // first start, or Redis lost its data: the group has to exist before anyone reads
            createGroup(partition);
            return redis.send(request).await().atMost(timeout);
        }
    }

    void createGroup(int partition) {
        try {
            redis.send(Request.cmd(Command.XGROUP).arg("CREATE").arg(keys.queue(partition)).arg(GROUP).arg("0")
                    .arg("MKSTREAM")).await().atMost(CALL_TIMEOUT);
            LOG.infof("created consumer group %s on %s", GROUP, keys.queue(partition));
        } catch (RuntimeException e) {
            if (!String.valueOf(e.getMessage()).contains("BUSYGROUP")) {
                throw e;
            }
        }
    }

    private static List<QueuedHit> hits(int partition, List<StreamEntries.Entry> entries) {
        List<QueuedHit> hits = new ArrayList<>(entries.size());
        for (StreamEntries.Entry entry : entries) {
            hits.add(new QueuedHit(partition, entry.id(), entry.fields().getOrDefault(StreamFields.HIT, "")));
        }
        return hits;
    }
}
