package analytics.readmodel;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import events.api.KeyPrefix;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Which generation of the read model readers use, and which one a rebuild is growing beside it.
 * Kept in one Redis hash, so switching readers over is one write.
 */
@ApplicationScoped
public class Generations {

    /** A rebuild in progress: its generation, and the moment before which replayed rows fill it. */
    public record Building(ReadModelKeys keys, long cutoffMillis) {
    }

    public record State(ReadModelKeys current, Optional<Building> building, Map<String, String> fields) {
    }

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);
    private static final long CACHE_MILLIS = 250;

    private final Redis redis;
    private final String prefix;
    private volatile State cached;
    private volatile long cachedAt;

    Generations(Redis redis, KeyPrefix prefix) {
        this.redis = redis;
        this.prefix = prefix.value();
    }

    String stateKey() {
        return prefix + ":readmodel";
    }

    ReadModelKeys keys(int generation) {
        return new ReadModelKeys(prefix, generation);
    }

    /** The generation readers use (cached for a moment: a switch reaches every reader within 250 ms). */
    public ReadModelKeys current() {
        return state(false).current();
    }

    public State state(boolean fresh) {
        State known = cached;
        if (!fresh && known != null && System.currentTimeMillis() - cachedAt < CACHE_MILLIS) {
            return known;
        }
        Response all = redis.send(Request.cmd(Command.HGETALL).arg(stateKey())).await().atMost(CALL_TIMEOUT);
        Map<String, String> fields = new HashMap<>();
        for (int i = 0; all != null && i + 1 < all.size(); i += 2) {
            fields.put(all.get(i).toString(), all.get(i + 1).toString());
        }
        int current = Integer.parseInt(fields.getOrDefault("current", "1"));
        Optional<Building> building = Optional.ofNullable(fields.get("building"))
                .map(g -> new Building(keys(Integer.parseInt(g)), Long.parseLong(fields.getOrDefault("cutoff", "0"))));
        State state = new State(keys(current), building, fields);
        cached = state;
        cachedAt = System.currentTimeMillis();
        return state;
    }
}
