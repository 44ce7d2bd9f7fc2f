package events;

import java.time.Duration;

import events.api.DeadLetter;
import events.api.DeadLetters;
import events.api.PageViewRecorded;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
class RedisDeadLetters implements DeadLetters {

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

    private final Redis redis;
    private final StreamKeys keys;
    private final EventCodec codec;

    RedisDeadLetters(Redis redis, StreamKeys keys, EventCodec codec) {
        this.redis = redis;
        this.keys = keys;
        this.codec = codec;
    }

    @Override
    public void publish(DeadLetter letter) {
        redis.send(Request.cmd(Command.XADD).arg(keys.deadLetters()).arg("*").arg(StreamFields.EVENT).arg(codec.encode(letter)))
                .await().atMost(CALL_TIMEOUT);
    }

    @Override
    public void redeliver(PageViewRecorded event) {
        redis.send(Request.cmd(Command.XADD).arg(keys.pageViews(keys.partitionOf(event.site()))).arg("*")
                .arg(StreamFields.EVENT).arg(codec.encode(event))).await().atMost(CALL_TIMEOUT);
    }
}
