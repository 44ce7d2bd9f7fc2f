package events;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;

/**
 * Sends the commands that an event loop issues during one turn (the requests it read in one go)
 * to Redis in one pipelined write per key, instead of one write and one read per command. Each
 * caller still completes only when Redis has answered its own command. Off the event loop,
 * commands go one by one.
 */
final class EventLoopBatches {

    /** A turn's batch for one key is sent at once when it reaches this size. */
    static final int MAX_BATCH = 256;

    private final Redis redis;
    private final ThreadLocal<Map<String, Batch>> pending = ThreadLocal.withInitial(HashMap::new);

    private static final class Batch {
        final List<Request> requests = new ArrayList<>();
        final List<UniEmitter<? super Void>> waiting = new ArrayList<>();
    }

    EventLoopBatches(Redis redis) {
        this.redis = redis;
    }

    /** Sends a command on the key (batches never mix keys, so each stays within one cluster slot). */
    Uni<Void> send(String key, Request request) {
        Context context = Vertx.currentContext();
        if (context == null || !Context.isOnEventLoopThread()) {
            return redis.send(request).replaceWithVoid();
        }
        return Uni.createFrom().emitter(emitter -> {
            Map<String, Batch> batches = pending.get();
            Batch batch = batches.get(key);
            if (batch == null) {
                batch = new Batch();
                batches.put(key, batch);
                context.runOnContext(ignored -> flush(key)); // after the requests already read this turn
            }
            batch.requests.add(request);
            batch.waiting.add(emitter);
            if (batch.requests.size() >= MAX_BATCH) {
                flush(key);
            }
        });
    }

    private void flush(String key) {
        Batch batch = pending.get().remove(key);
        if (batch == null) {
            return;
        }
        redis.batch(batch.requests).subscribe().with(
                answers -> batch.waiting.forEach(waiting -> waiting.complete(null)),
                failure -> batch.waiting.forEach(waiting -> waiting.fail(failure)));
    }
}
