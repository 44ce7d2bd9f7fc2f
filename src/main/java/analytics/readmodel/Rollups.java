package analytics.readmodel;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;

import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Request;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Merges of the closed days and months of a period, so that a 30-day question unions one merged
 * key with today's instead of 30 days of keys. A merge is named by the buckets it merges and kept
 * a few hours; it is made again when an event reaches a closed day later (the projector counts
 * those in the site's "late" counter) or when a rebuild starts a new generation.
 */
@ApplicationScoped
public class Rollups {

    /** The projector counts an event as late when its local day ended this long before. */
    static final Duration LATE_AFTER = Duration.ofMinutes(1);
    /**
     * Readers merge a day or a month once it ended this long ago: well after LATE_AFTER, so that an
     * event the projector does not count as late is already in its day when a reader merges it,
     * even when the replicas' clocks are a few minutes apart.
     */
    static final Duration CLOSED_AFTER = Duration.ofMinutes(10);
    static final Duration KEEP = Duration.ofHours(3);

    private final Clock clock;

    Rollups(Clock clock) {
        this.clock = clock;
    }

    /** The keys to union (a merge of the closed buckets first, then the open ones) and the calls that make the merge current. */
    public record Union(List<String> keys, List<Request> prepare) {
    }

    /** A period's buckets split into those that are closed (merged) and those still filling. */
    public record Plan(ReadModelKeys keys, String site, List<ReadModelKeys.Bucket> closed, List<ReadModelKeys.Bucket> open,
            String id) {

        /** The union of one kind of key over the period; {@code type} is 'z' for sorted sets, 'h' for HyperLogLogs. */
        public Union union(String kind, Function<ReadModelKeys.Bucket, String> keyOf, String type) {
            List<String> names = new ArrayList<>(open.size() + 1);
            List<Request> prepare = new ArrayList<>(1);
            if (id != null) {
                String merged = keys.rollup(site, kind, id);
                Request make = Request.cmd(Command.EVAL).arg(Lua.ROLLUP).arg(3 + closed.size())
                        .arg(keys.late(site)).arg(merged).arg(merged + ":v");
                closed.forEach(bucket -> make.arg(keyOf.apply(bucket)));
                make.arg(type).arg(KEEP.toSeconds());
                prepare.add(make);
                names.add(merged);
            }
            open.forEach(bucket -> names.add(keyOf.apply(bucket)));
            return new Union(names, prepare);
        }
    }

    public Plan plan(ReadModelKeys keys, String site, List<ReadModelKeys.Bucket> cover, ZoneId zone) {
        long closedBefore = clock.instant().minus(CLOSED_AFTER).getEpochSecond();
        List<ReadModelKeys.Bucket> closed = new ArrayList<>();
        List<ReadModelKeys.Bucket> open = new ArrayList<>();
        for (ReadModelKeys.Bucket bucket : cover) {
            // hours are never merged: a late event within its day is not counted as late
            boolean isClosed = !(bucket instanceof ReadModelKeys.Hour) && end(bucket, zone) <= closedBefore;
            (isClosed ? closed : open).add(bucket);
        }
        if (closed.size() < 2) {
            return new Plan(keys, site, List.of(), cover, null);
        }
        return new Plan(keys, site, closed, open, id(closed));
    }

    /** Epoch second at which the bucket ends in the zone. */
    static long end(ReadModelKeys.Bucket bucket, ZoneId zone) {
        if (bucket instanceof ReadModelKeys.Hour hour) {
            return hour.startEpochSecond() + 3600;
        }
        if (bucket instanceof ReadModelKeys.Day day) {
            return day.date().plusDays(1).atStartOfDay(zone).toEpochSecond();
        }
        return ((ReadModelKeys.Month) bucket).month().plusMonths(1).atDay(1).atStartOfDay(zone).toEpochSecond();
    }

    private static String id(List<ReadModelKeys.Bucket> buckets) {
        StringBuilder names = new StringBuilder();
        buckets.forEach(bucket -> names.append(bucket.key()).append('|'));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(names.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
