package analytics.readmodel;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import events.api.PageViewRecorded;
import events.api.Recorded;
import events.api.StreamIds;
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

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);
    private static final int MAX_ROUNDS = 10;

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
        SiteBuckets buckets = new SiteBuckets(keys, site, zone, now, config);
        VisitProjection visits = new VisitProjection(keys, site, aggregate);
        for (Recorded<PageViewRecorded> recorded : events) {
            PageViewRecorded event = recorded.event();
            String visitor = Long.toString(event.visitor());
            SiteBuckets.HourSlot slot = buckets.of(event.at().getEpochSecond());
            if (event.visit() != null && event.visit().exists()) {
                long start = Math.floorDiv(event.visit().startMillis(), 1000L);
                visits.project(event, buckets.of(start).targets(), slot.targets());
            }
            if (slot.late()) {
                aggregate.add(keys.late(site), 1, Expiry.NEVER); // merges of closed days are made again
            }
            for (BucketKeys bucket : slot.buckets()) {
                if (bucket.expiresAt() != Expiry.GONE) {
                    aggregate.count(bucket.visitors(), visitor, bucket.expiresAt());
                    if (event.isPageview()) {
                        aggregate.add(bucket.pageviews(), 1, bucket.expiresAt());
                    }
                }
                if (event.isPageview() && bucket.pagesExpireAt() != Expiry.GONE) {
                    aggregate.rank(bucket.pages(), event.path(), 1, bucket.pagesExpireAt());
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
            if (StreamIds.compare(event.position(), position) > 0) {
                fresh.add(event);
            }
        }
        return fresh;
    }

}
