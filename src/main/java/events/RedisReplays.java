package events;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import events.api.PageViewRecorded;
import events.api.ReplayRequest;
import events.api.Replays;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
class RedisReplays implements Replays {

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

    private final Redis redis;
    private final StreamKeys keys;
    private final EventCodec codec;

    RedisReplays(Redis redis, StreamKeys keys, EventCodec codec) {
        this.redis = redis;
        this.keys = keys;
        this.codec = codec;
    }

    @Override
    public void request(ReplayRequest request) {
        redis.send(Request.cmd(Command.SET).arg(keys.replayRequest())
                .arg(request.generation() + ":" + request.cutoffMillis())).await().atMost(CALL_TIMEOUT);
    }

    @Override
    public Optional<ReplayRequest> claim(String claimer, Duration hold) {
        Response request = redis.send(Request.cmd(Command.GET).arg(keys.replayRequest())).await().atMost(CALL_TIMEOUT);
        if (request == null) {
            return Optional.empty();
        }
        String[] parts = request.toString().split(":");
        ReplayRequest wanted = new ReplayRequest(Integer.parseInt(parts[0]), Long.parseLong(parts[1]));
        Response claimed = redis.send(Request.cmd(Command.SET).arg(keys.replayClaim()).arg(claimer).arg("NX")
                .arg("PX").arg(hold.toMillis())).await().atMost(CALL_TIMEOUT);
        return claimed == null ? Optional.empty() : Optional.of(wanted);
    }

    @Override
    public boolean renew(String claimer, Duration hold) {
        return redis.send(Request.cmd(Command.EVAL).arg(Scripts.LEASE).arg(1).arg(keys.replayClaim()).arg(claimer)
                .arg(hold.toMillis())).await().atMost(CALL_TIMEOUT).toInteger() == 1;
    }

    @Override
    public boolean begun(int generation) {
        Response begun = redis.send(Request.cmd(Command.GET).arg(keys.replayBegun())).await().atMost(CALL_TIMEOUT);
        return begun != null && begun.toString().equals(Integer.toString(generation));
    }

    @Override
    public void begin(int generation, long total) {
        redis.send(Request.cmd(Command.SET).arg(keys.replayBegun()).arg(generation)).await().atMost(CALL_TIMEOUT);
        marker("begin", generation, total);
    }

    @Override
    public void abort(int generation, String reason) {
        List<Uni<Response>> adds = new ArrayList<>();
        for (int p = 0; p < keys.partitions(); p++) {
            adds.add(redis.send(Request.cmd(Command.XADD).arg(keys.replay(p)).arg("*").arg(StreamFields.MARKER).arg("abort")
                    .arg(StreamFields.GENERATION).arg(generation).arg(StreamFields.COUNT).arg(0).arg(StreamFields.REASON).arg(reason)));
        }
        inParallel(adds);
        clear();
    }

    @Override
    public void publish(int generation, List<PageViewRecorded> events) {
        Map<Integer, List<Request>> adds = new HashMap<>();
        for (PageViewRecorded event : events) {
            int partition = keys.partitionOf(event.site());
            adds.computeIfAbsent(partition, p -> new ArrayList<>()).add(Request.cmd(Command.XADD)
                    .arg(keys.replay(partition)).arg("*").arg(StreamFields.GENERATION).arg(generation).arg(StreamFields.EVENT).arg(codec.encode(event)));
        }
        inParallel(adds.values().stream().map(batch -> redis.batch(batch).replaceWithVoid()).toList());
    }

    /** A batch must stay within one hash slot on a cluster: partitions are sent side by side instead. */
    private static <T> void inParallel(List<Uni<T>> calls) {
        if (!calls.isEmpty()) {
            Uni.join().all(calls).andFailFast().await().atMost(CALL_TIMEOUT);
        }
    }

    @Override
    public void finish(int generation, long total) {
        marker("end", generation, total);
        clear();
    }

    private void clear() {
        redis.send(Request.cmd(Command.DEL).arg(keys.replayRequest()).arg(keys.replayBegun()).arg(keys.replayClaim()))
                .await().atMost(CALL_TIMEOUT);
    }

    @Override
    public long backlog() {
        long total = 0;
        for (int p = 0; p < keys.partitions(); p++) {
            total += redis.send(Request.cmd(Command.XLEN).arg(keys.replay(p))).await().atMost(CALL_TIMEOUT).toLong();
        }
        return total;
    }

    private void marker(String kind, int generation, long total) {
        List<Uni<Response>> adds = new ArrayList<>();
        for (int p = 0; p < keys.partitions(); p++) {
            adds.add(redis.send(Request.cmd(Command.XADD).arg(keys.replay(p)).arg("*").arg(StreamFields.MARKER).arg(kind)
                    .arg(StreamFields.GENERATION).arg(generation).arg(StreamFields.COUNT).arg(total)));
        }
        inParallel(adds);
    }
}
