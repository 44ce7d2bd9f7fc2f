package ingest;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import events.api.KeyPrefix;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * One secret salt per calendar day, shared by all replicas: the first replica to need it creates it
 * (SET NX), everyone reads it. A day's salt lives three days, so every time zone's local day ends
 * before it is gone; after that no visitor id can be recomputed.
 */
@ApplicationScoped
class DailySalt {

    private static final Duration LIFETIME = Duration.ofDays(3);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Redis redis;
    private final String prefix;
    private final Map<LocalDate, byte[]> known = new ConcurrentHashMap<>();

    DailySalt(Redis redis, KeyPrefix prefix) {
        this.redis = redis;
        this.prefix = prefix.value();
    }

    Uni<byte[]> of(LocalDate day) {
        byte[] salt = known.get(day);
        if (salt != null) {
            return Uni.createFrom().item(salt);
        }
        String key = prefix + ":salt:" + day;
        byte[] fresh = new byte[32];
        RANDOM.nextBytes(fresh);
        Request create = Request.cmd(Command.SET).arg(key).arg(Base64.getEncoder().encodeToString(fresh))
                .arg("NX").arg("EX").arg(LIFETIME.toSeconds());
        return redis.send(create)
                .chain(() -> redis.send(Request.cmd(Command.GET).arg(key)))
                .map(value -> {
                    byte[] shared = Base64.getDecoder().decode(value.toString());
                    if (known.size() > 8) {
                        known.keySet().removeIf(d -> d.isBefore(day.minusDays(2)));
                    }
                    known.put(day, shared);
                    return shared;
                });
    }
}
