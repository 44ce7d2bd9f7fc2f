package analytics.readmodel;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
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

    private static final Duration REALTIME_TTL = Duration.ofMinutes(10);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);
    private static final int MAX_ROUNDS = 10;
    private static final int PFADD_CHUNK = 1000;

    private final Redis redis;
    private final ReadModelConfig config;
    private final KeyScan scan;
    private final Clock clock;

    ReadModel(Redis redis, ReadModelConfig config, KeyScan scan, Clock clock) {
        this.redis = redis;
        this.config = config;
        this.scan = scan;
        this.clock = clock;
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
        long now = clock.instant().getEpochSecond();
        Aggregate aggregate = new Aggregate(now);
        SiteBuckets buckets = new SiteBuckets(keys, site, zone, now);
        for (Recorded<PageViewRecorded> recorded : events) {
            PageViewRecorded event = recorded.event();
            String visitor = Long.toString(event.visitor());
            HourSlot slot = buckets.of(event.at().getEpochSecond());
            if (slot.late()) {
                aggregate.increment(keys.late(site), Expired.NEVER); // merges of closed days are made again
            }
            for (BucketKeys bucket : slot.buckets()) {
                if (bucket.expiresAt() != Expired.AT) {
                    aggregate.count(bucket.visitors(), visitor, bucket.expiresAt());
                    if (event.isPageview()) {
                        aggregate.increment(bucket.pageviews(), bucket.expiresAt());
                    } else if (bucket.events() != null) {
                        aggregate.rank(bucket.events(), event.name(), bucket.expiresAt());
                    }
                }
                if (event.isPageview() && bucket.pagesExpireAt() != Expired.AT) {
                    aggregate.rank(bucket.pages(), event.path(), bucket.pagesExpireAt());
                    aggregate.count(bucket.pageVisitors(event.path()), visitor, bucket.pagesExpireAt());
                }
            }
            String realtime = buckets.realtime(event.timestamp());
            if (realtime != null) {
                aggregate.count(realtime, visitor, buckets.realtimeExpiresAt());
            }
        }
        return aggregate.request(positionKey, expected, events.get(events.size() - 1).position());
    }

    /** Expiry markers: {@code AT} means the bucket's keys would already have expired, so skip it. */
    private static final class Expired {
        static final long AT = -1;
        static final long NEVER = 0;
    }

    /**
     * The keys of one bucket, named once per batch. Hourly keys expire a fixed time after the
     * hour ends (not after they were written), so replaying old events writes no hourly keys
     * that live traffic would long have expired.
     */
    private static final class BucketKeys {
        private final String prefix;
        private final String visitors;
        private final String pageviews;
        private final String pages;
        private final String events;
        private final long expiresAt;
        private final long pagesExpireAt;
        private final Map<String, String> pageVisitors = new HashMap<>();

        BucketKeys(ReadModelKeys keys, String site, ReadModelKeys.Bucket bucket, boolean withEvents,
                long expiresAt, long pagesExpireAt) {
            this.prefix = keys.pageVisitors(site, bucket, "");
            this.visitors = keys.visitors(site, bucket);
            this.pageviews = keys.pageviews(site, bucket);
            this.pages = keys.pages(site, bucket);
            this.events = withEvents ? keys.events(site, bucket) : null;
            this.expiresAt = expiresAt;
            this.pagesExpireAt = pagesExpireAt;
        }

        String visitors() {
            return visitors;
        }

        String pageviews() {
            return pageviews;
        }

        String pages() {
            return pages;
        }

        String events() {
            return events;
        }

        long expiresAt() {
            return expiresAt;
        }

        long pagesExpireAt() {
            return pagesExpireAt;
        }

        String pageVisitors(String path) {
            return pageVisitors.computeIfAbsent(path, p -> prefix + p);
        }
    }

    /**
     * A site's buckets for the instants of one local hour, found once per hour and batch; late when
     * its day is closed (see {@link Rollups}).
     */
    private record HourSlot(long from, long until, List<BucketKeys> buckets, boolean late) {
    }

    /** Finds the hour, day and month buckets of an instant in the site's zone, cached per batch. */
    private final class SiteBuckets {
        private final ReadModelKeys keys;
        private final String site;
        private final ZoneId zone;
        private final long now;
        private final Map<Long, HourSlot> slots = new HashMap<>();
        private final Map<Object, BucketKeys> dayAndMonth = new HashMap<>();
        private HourSlot last;
        private long realtimeMinute = Long.MIN_VALUE;
        private String realtimeKey;

        SiteBuckets(ReadModelKeys keys, String site, ZoneId zone, long now) {
            this.keys = keys;
            this.site = site;
            this.zone = zone;
            this.now = now;
        }

        HourSlot of(long epochSecond) {
            HourSlot slot = last;
            if (slot == null || epochSecond < slot.from() || epochSecond >= slot.until()) {
                slot = find(epochSecond);
                last = slot;
            }
            return slot;
        }

        private HourSlot find(long epochSecond) {
            ZonedDateTime local = Instant.ofEpochSecond(epochSecond).atZone(zone);
            long hourStart = local.truncatedTo(ChronoUnit.HOURS).toEpochSecond();
            return slots.computeIfAbsent(hourStart, start -> {
                // the same offset holds from the hour's start until the next transition, so every
                // instant in [start, until) truncates to this hour
                ZoneOffsetTransition next = zone.getRules().nextTransition(Instant.ofEpochSecond(start));
                long until = Math.min(start + 3600, next == null ? Long.MAX_VALUE : next.toEpochSecond());
                long hourEnd = start + 3600;
                BucketKeys hour = new BucketKeys(keys, site, new ReadModelKeys.Hour(start), false,
                        live(hourEnd + config.hourTtl().toSeconds()), live(hourEnd + config.pageHourTtl().toSeconds()));
                BucketKeys day = dayAndMonth.computeIfAbsent(local.toLocalDate(), date -> new BucketKeys(keys, site,
                        new ReadModelKeys.Day(local.toLocalDate()), true, Expired.NEVER, Expired.NEVER));
                BucketKeys month = dayAndMonth.computeIfAbsent(YearMonth.from(local), m -> new BucketKeys(keys, site,
                        new ReadModelKeys.Month(YearMonth.from(local)), true, Expired.NEVER, Expired.NEVER));
                long dayEnd = Rollups.end(new ReadModelKeys.Day(local.toLocalDate()), zone);
                boolean late = dayEnd + Rollups.LATE_AFTER.toSeconds() < now;
                return new HourSlot(start, until, List.of(hour, day, month), late);
            });
        }

        /** The realtime key of the event's minute, or null when it would already have expired. */
        String realtime(long timestampMillis) {
            long minute = Math.floorDiv(timestampMillis, 60_000L);
            if (minute != realtimeMinute) {
                realtimeMinute = minute;
                realtimeKey = live(realtimeExpiresAt()) == Expired.AT ? null : keys.realtime(site, minute);
            }
            return realtimeKey;
        }

        long realtimeExpiresAt() {
            return (realtimeMinute + 1) * 60 + REALTIME_TTL.toSeconds();
        }

        private long live(long expiresAt) {
            return expiresAt > now ? expiresAt : Expired.AT;
        }
    }

    /** Removes every key of a site in one generation (after the site is deleted). */
    void drop(String site, ReadModelKeys generation) {
        unlinkMatching(generation.site(site) + "*");
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
        private final long now;

        Aggregate(long now) {
            this.now = now;
        }

        void increment(String key, long expiresAt) {
            increments.merge(key, 1L, Long::sum);
            expire(key, expiresAt);
        }

        void rank(String key, String member, long expiresAt) {
            ranks.computeIfAbsent(key, k -> new LinkedHashMap<>()).merge(member, 1L, Long::sum);
            expire(key, expiresAt);
        }

        void count(String key, String element, long expiresAt) {
            counts.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(element);
            expire(key, expiresAt);
        }

        /** Expiry as a Unix time in seconds; {@code Expired.NEVER} for keys that are kept. */
        private void expire(String key, long expiresAt) {
            if (expiresAt != Expired.NEVER) {
                expiries.merge(key, expiresAt, Math::max);
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
            eval.arg(expected).arg(newPosition).arg(expiries.size());
            // as a TTL from our clock's now (Redis' own clock may differ from the application's)
            expiries.forEach((key, at) -> eval.arg(index.get(key)).arg(at - now));
            ops.forEach(eval::arg);
            return eval;
        }
    }
}
