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
import java.util.List;
import java.util.Map;

import events.api.PageViewRecorded;
import events.api.Recorded;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;

/** The write side of the read model: applies events per site, atomically with the site's position. */
@ApplicationScoped
class ReadModel {

    private static final String APPLY = load("/analytics/apply.lua");
    private static final Duration REALTIME_TTL = Duration.ofMinutes(10);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

    private final Redis redis;
    private final ReadModelKeys keys;
    private final ReadModelConfig config;

    ReadModel(Redis redis, ReadModelKeys keys, ReadModelConfig config) {
        this.redis = redis;
        this.keys = keys;
        this.config = config;
    }

    /** One Lua call per site, all sent in one round trip; returns how many events were new. */
    long apply(Map<String, ZoneId> zones, Map<String, List<Recorded<PageViewRecorded>>> bySite) {
        List<Request> calls = new ArrayList<>(bySite.size());
        bySite.forEach((site, events) -> calls.add(applyCall(site, zones.get(site), events)));
        if (calls.isEmpty()) {
            return 0;
        }
        long applied = 0;
        for (Response response : redis.batch(calls).await().atMost(CALL_TIMEOUT)) {
            applied += response.toLong();
        }
        return applied;
    }

    Request applyCall(String site, ZoneId zone, List<Recorded<PageViewRecorded>> events) {
        ApplyCall call = new ApplyCall(keys.position(site));
        for (Recorded<PageViewRecorded> recorded : events) {
            PageViewRecorded event = recorded.event();
            ZonedDateTime local = event.at().atZone(zone);
            ReadModelKeys.Hour hour = new ReadModelKeys.Hour(local.truncatedTo(ChronoUnit.HOURS).toEpochSecond());
            ReadModelKeys.Day day = new ReadModelKeys.Day(local.toLocalDate());
            ReadModelKeys.Month month = new ReadModelKeys.Month(YearMonth.from(local));
            String visitor = Long.toString(event.visitor());
            call.event(recorded.position());
            for (ReadModelKeys.Bucket bucket : List.of(hour, day, month)) {
                Duration ttl = bucket == hour ? config.hourTtl() : null;
                call.op("p", keys.visitors(site, bucket), visitor, ttl);
                if (event.isPageview()) {
                    Duration pageTtl = bucket == hour ? config.pageHourTtl() : null;
                    call.op("i", keys.pageviews(site, bucket), "", ttl);
                    call.op("z", keys.pages(site, bucket), event.path(), pageTtl);
                    call.op("p", keys.pageVisitors(site, bucket, event.path()), visitor, pageTtl);
                } else if (bucket != hour) {
                    call.op("z", keys.events(site, bucket), event.name(), null);
                }
            }
            call.op("p", keys.realtime(site, event.timestamp() / 60_000), visitor, REALTIME_TTL);
        }
        return call.request();
    }

    /** Removes every key of a site (after the site is deleted). */
    void drop(String site) {
        String cursor = "0";
        do {
            Response page = redis.send(Request.cmd(Command.SCAN).arg(cursor).arg("MATCH").arg(keys.site(site) + "*")
                    .arg("COUNT").arg(1000)).await().atMost(CALL_TIMEOUT);
            cursor = page.get(0).toString();
            Response found = page.get(1);
            if (found.size() > 0) {
                Request unlink = Request.cmd(Command.UNLINK);
                for (Response key : found) {
                    unlink.arg(key.toString());
                }
                redis.send(unlink).await().atMost(CALL_TIMEOUT);
            }
        } while (!"0".equals(cursor));
    }

    /** Builds the arguments of apply.lua: keys are numbered once, ops refer to them by index. */
    private static final class ApplyCall {
        private final Map<String, Integer> index = new LinkedHashMap<>();
        private final Map<Integer, Long> expiries = new HashMap<>();
        private final List<String> ops = new ArrayList<>();
        private int opCountAt;

        ApplyCall(String positionKey) {
            index.put(positionKey, 1);
        }

        void event(String position) {
            ops.add(position);
            opCountAt = ops.size();
            ops.add("0");
        }

        void op(String op, String key, String argument, Duration ttl) {
            int k = index.computeIfAbsent(key, unused -> index.size() + 1);
            if (ttl != null) {
                expiries.put(k, ttl.toSeconds());
            }
            ops.add(op);
            ops.add(Integer.toString(k));
            ops.add(argument);
            ops.set(opCountAt, Integer.toString(Integer.parseInt(ops.get(opCountAt)) + 1));
        }

        Request request() {
            Request eval = Request.cmd(Command.EVAL).arg(APPLY).arg(index.size());
            index.keySet().forEach(eval::arg);
            eval.arg(expiries.size());
            expiries.forEach((k, ttl) -> eval.arg(k).arg(ttl));
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
