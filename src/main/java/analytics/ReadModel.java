package analytics;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import events.api.PageViewRecorded;
import events.api.Recorded;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The write side of the read model. A site's batch is aggregated here (one INCRBY per counter,
 * one PFADD per HyperLogLog) and applied in one Lua step that also moves the site's position,
 * but only if nobody moved it since we read it: so each event counts once, even with two
 * projectors racing.
 */
@ApplicationScoped
class ReadModel {

    private static final String APPLY = load("/analytics/apply.lua");
    private static final Duration REALTIME_TTL = Duration.ofMinutes(10);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);
    private static final int MAX_ROUNDS = 10;

    private final Redis redis;
    private final ReadModelConfig config;
    private final KeyScan scan;

    ReadModel(Redis redis, ReadModelConfig config, KeyScan scan) {
        this.redis = redis;
        this.config = config;
        this.scan = scan;
    }

    /**
     * Applies each site's events after the site's position (read by {@code position}) and returns
     * how many were new. Sites whose position moved meanwhile are read again and retried.
     */
    long apply(ReadModelKeys keys, Function<String, String> position, Map<String, ZoneId> zones,
            Map<String, List<Recorded<PageViewRecorded>>> bySite) {
        Map<String, List<Recorded<PageViewRecorded>>> pending = new LinkedHashMap<>(bySite);
        long applied = 0;
        for (int round = 0; round < MAX_ROUNDS && !pending.isEmpty(); round++) {
            List<String> sites = new ArrayList<>(pending.keySet());
            // one call per site: each site has its own hash slot on a cluster
            List<Response> known = inParallel(sites.stream()
                    .map(site -> Request.cmd(Command.GET).arg(position.apply(site))).toList());
            List<Request> calls = new ArrayList<>();
            List<String> called = new ArrayList<>();
            List<Integer> counts = new ArrayList<>();
            for (int i = 0; i < sites.size(); i++) {
                String site = sites.get(i);
                String at = known.get(i) == null ? "" : known.get(i).toString();
                List<Recorded<PageViewRecorded>> fresh = after(at, pending.get(site));
                if (fresh.isEmpty()) {
                    continue;
                }
                calls.add(applyCall(keys, position.apply(site), at, site, zones.get(site), fresh));
                called.add(site);
                counts.add(fresh.size());
            }
            Map<String, List<Recorded<PageViewRecorded>>> retry = new LinkedHashMap<>();
            if (!calls.isEmpty()) {
                List<Response> results = inParallel(calls);
                for (int i = 0; i < results.size(); i++) {
                    if (results.get(i).toInteger() == 1) {
                        applied += counts.get(i);
                    } else {
                        retry.put(called.get(i), pending.get(called.get(i)));
                    }
                }
            }
            pending = retry;
        }
        if (!pending.isEmpty()) {
            throw new IllegalStateException("positions of " + pending.keySet() + " kept moving; will retry");
        }
        return applied;
    }

    private List<Response> inParallel(List<Request> calls) {
        return Uni.join().all(calls.stream().map(redis::send).toList()).andFailFast().await().atMost(CALL_TIMEOUT);
    }

    private Request applyCall(ReadModelKeys keys, String positionKey, String expected, String site, ZoneId zone,
            List<Recorded<PageViewRecorded>> events) {
        Aggregate aggregate = new Aggregate();
        for (Recorded<PageViewRecorded> recorded : events) {
            PageViewRecorded event = recorded.event();
            ZonedDateTime local = event.at().atZone(zone);
            ReadModelKeys.Hour hour = new ReadModelKeys.Hour(local.truncatedTo(ChronoUnit.HOURS).toEpochSecond());
            ReadModelKeys.Day day = new ReadModelKeys.Day(local.toLocalDate());
            ReadModelKeys.Month month = new ReadModelKeys.Month(YearMonth.from(local));
            String visitor = Long.toString(event.visitor());
            for (ReadModelKeys.Bucket bucket : List.of(hour, day, month)) {
                Duration ttl = bucket == hour ? config.hourTtl() : null;
                aggregate.count(keys.visitors(site, bucket), visitor, ttl);
                if (event.isPageview()) {
                    Duration pageTtl = bucket == hour ? config.pageHourTtl() : null;
                    aggregate.increment(keys.pageviews(site, bucket), ttl);
                    aggregate.rank(keys.pages(site, bucket), event.path(), pageTtl);
                    aggregate.count(keys.pageVisitors(site, bucket, event.path()), visitor, pageTtl);
                } else if (bucket != hour) {
                    aggregate.rank(keys.events(site, bucket), event.name(), null);
                }
            }
            aggregate.count(keys.realtime(site, event.timestamp() / 60_000), visitor, REALTIME_TTL);
        }
        return aggregate.request(positionKey, expected, events.get(events.size() - 1).position());
    }

    /** Removes every key of a site in the given generations (after the site is deleted). */
    void drop(String site, List<ReadModelKeys> generations) {
        for (ReadModelKeys keys : generations) {
            unlinkMatching(keys.site(site) + "*");
        }
    }

    /** Removes a whole generation (after a rebuild replaced it). */
    void dropGeneration(ReadModelKeys keys) {
        unlinkMatching(keys.prefix() + ":{*}:g" + keys.generation() + ":*");
    }

    private void unlinkMatching(String pattern) {
        scan.unlinkMatching(pattern);
    }

    static List<Recorded<PageViewRecorded>> after(String position, List<Recorded<PageViewRecorded>> events) {
        if (position.isEmpty()) {
            return events;
        }
        List<Recorded<PageViewRecorded>> fresh = new ArrayList<>(events.size());
        for (Recorded<PageViewRecorded> event : events) {
            if (compare(event.position(), position) > 0) {
                fresh.add(event);
            }
        }
        return fresh;
    }

    /** Orders stream ids ("millis-sequence") numerically. */
    static int compare(String a, String b) {
        int da = a.indexOf('-');
        int db = b.indexOf('-');
        int byMillis = Long.compare(Long.parseLong(a.substring(0, da)), Long.parseLong(b.substring(0, db)));
        return byMillis != 0 ? byMillis : Long.compare(Long.parseLong(a.substring(da + 1)),
                Long.parseLong(b.substring(db + 1)));
    }

    /** One site's batch folded into as few Redis operations as possible. */
    private static final class Aggregate {
        private final Map<String, Long> increments = new LinkedHashMap<>();
        private final Map<String, Map<String, Long>> ranks = new LinkedHashMap<>();
        private final Map<String, Set<String>> counts = new LinkedHashMap<>();
        private final Map<String, Long> expiries = new HashMap<>();

        void increment(String key, Duration ttl) {
            increments.merge(key, 1L, Long::sum);
            expire(key, ttl);
        }

        void rank(String key, String member, Duration ttl) {
            ranks.computeIfAbsent(key, k -> new LinkedHashMap<>()).merge(member, 1L, Long::sum);
            expire(key, ttl);
        }

        void count(String key, String element, Duration ttl) {
            counts.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(element);
            expire(key, ttl);
        }

        private void expire(String key, Duration ttl) {
            if (ttl != null) {
                expiries.put(key, ttl.toSeconds());
            }
        }

        Request request(String positionKey, String expected, String newPosition) {
            Map<String, Integer> index = new LinkedHashMap<>();
            index.put(positionKey, 1);
            Function<String, Integer> slot = key -> index.computeIfAbsent(key, k -> index.size() + 1);
            List<String> ops = new ArrayList<>();
            increments.forEach((key, n) -> {
                ops.add("i");
                ops.add(Integer.toString(slot.apply(key)));
                ops.add(Long.toString(n));
            });
            ranks.forEach((key, members) -> members.forEach((member, n) -> {
                ops.add("z");
                ops.add(Integer.toString(slot.apply(key)));
                ops.add(member);
                ops.add(Long.toString(n));
            }));
            counts.forEach((key, elements) -> {
                List<String> all = new ArrayList<>(elements);
                // unpack() in Lua takes a few thousand values at most: split large sets
                for (int from = 0; from < all.size(); from += 1000) {
                    List<String> chunk = all.subList(from, Math.min(all.size(), from + 1000));
                    ops.add("p");
                    ops.add(Integer.toString(slot.apply(key)));
                    ops.add(Integer.toString(chunk.size()));
                    ops.addAll(chunk);
                }
            });
            Request eval = Request.cmd(Command.EVAL).arg(APPLY).arg(index.size());
            index.keySet().forEach(eval::arg);
            eval.arg(expected).arg(newPosition).arg(expiries.size());
            expiries.forEach((key, ttl) -> eval.arg(index.get(key)).arg(ttl));
            ops.forEach(eval::arg);
            return eval;
        }
    }

    private static String load(String resource) {
        try (InputStream in = ReadModel.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
