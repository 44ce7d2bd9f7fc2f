package analytics.readmodel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Request;

/** One site's batch folded into as few Redis operations as possible. */
final class Aggregate implements VisitProjection.Writes {

    private static final int PFADD_CHUNK = 1000;

    private final Map<String, Long> increments = new LinkedHashMap<>();
    private final Map<String, Map<String, Long>> ranks = new LinkedHashMap<>();
    private final Map<String, Set<String>> counts = new LinkedHashMap<>();
    private final Map<String, Long> expiries = new HashMap<>();
    private final long now;

    Aggregate(long now) {
        this.now = now;
    }

    @Override
    public void add(String key, long n, long expiresAt) {
        if (expiresAt != Expiry.GONE) {
            increments.merge(key, n, Long::sum);
            expire(key, expiresAt);
        }
    }

    @Override
    public void rank(String key, String member, long n, long expiresAt) {
        if (expiresAt != Expiry.GONE) {
            ranks.computeIfAbsent(key, k -> new LinkedHashMap<>()).merge(member, n, Long::sum);
            expire(key, expiresAt);
        }
    }

    @Override
    public void count(String key, String element, long expiresAt) {
        if (expiresAt != Expiry.GONE) {
            counts.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(element);
            expire(key, expiresAt);
        }
    }

    /** Expiry as a Unix time in seconds; {@code Expiry.NEVER} for keys that are kept. */
    private void expire(String key, long expiresAt) {
        if (expiresAt != Expiry.NEVER) {
            expiries.merge(key, expiresAt, Math::max);
        }
    }

    Request request(String positionKey, String expected, String newPosition) {
        Map<String, Integer> index = new LinkedHashMap<>();
        index.put(positionKey, 1);
        Function<String, Integer> slot = key -> index.computeIfAbsent(key, k -> index.size() + 1);
        List<String> ops = new ArrayList<>();
        increments.forEach((key, n) -> {
            if (n == 0) {
                return; // a +1 and a -1 in one batch (a bounce that ended)
            }
            ops.add("i");
            ops.add(Integer.toString(slot.apply(key)));
            ops.add(Long.toString(n));
        });
        ranks.forEach((key, members) -> members.forEach((member, n) -> {
            if (n == 0) {
                return;
            }
            ops.add("z");
            ops.add(Integer.toString(slot.apply(key)));
            ops.add(member);
            ops.add(Long.toString(n));
        }));
        counts.forEach((key, elements) -> {
            String keyIndex = Integer.toString(slot.apply(key));
            Iterator<String> each = elements.iterator();
            // unpack() in Lua takes a few thousand values at most: split large sets
            for (int left = elements.size(); left > 0; left -= PFADD_CHUNK) {
                int size = Math.min(left, PFADD_CHUNK);
                ops.add("p");
                ops.add(keyIndex);
                ops.add(Integer.toString(size));
                for (int n = 0; n < size; n++) {
                    ops.add(each.next());
                }
            }
        });
        Request eval = Request.cmd(Command.EVAL).arg(Lua.APPLY).arg(index.size());
        index.keySet().forEach(eval::arg);
        // a key whose changes cancelled out (a +1 and a -1) is not sent, so neither is its expiry
        Map<String, Long> sent = new LinkedHashMap<>();
        expiries.forEach((key, at) -> {
            if (index.containsKey(key)) {
                sent.put(key, at);
            }
        });
        eval.arg(expected).arg(newPosition).arg(sent.size());
        // as a TTL from our clock's now (Redis' own clock may differ from the application's)
        sent.forEach((key, at) -> eval.arg(index.get(key)).arg(at - now));
        ops.forEach(eval::arg);
        return eval;
    }
}
