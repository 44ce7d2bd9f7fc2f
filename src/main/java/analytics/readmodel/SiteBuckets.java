package analytics.readmodel;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Finds the hour, day and month buckets of an instant in the site's zone, cached per batch. */
final class SiteBuckets {

    private static final Duration REALTIME_TTL = Duration.ofMinutes(10);

    private final ReadModelKeys keys;
    private final String site;
    private final ZoneId zone;
    private final long now;
    private final ReadModelConfig config;
    private final Map<Long, HourSlot> slots = new HashMap<>();
    private final Map<Object, BucketKeys> dayAndMonth = new HashMap<>();
    private HourSlot last;
    private long realtimeMinute = Long.MIN_VALUE;
    private String realtimeKey;

    SiteBuckets(ReadModelKeys keys, String site, ZoneId zone, long now, ReadModelConfig config) {
        this.keys = keys;
        this.site = site;
        this.zone = zone;
        this.now = now;
        this.config = config;
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
            BucketKeys hour = new BucketKeys(keys, site, new ReadModelKeys.Hour(start),
                    Expiry.live(hourEnd + config.hourTtl().toSeconds(), now),
                    Expiry.live(hourEnd + config.pageHourTtl().toSeconds(), now));
            BucketKeys day = dayAndMonth.computeIfAbsent(local.toLocalDate(), date -> new BucketKeys(keys, site,
                    new ReadModelKeys.Day(local.toLocalDate()), Expiry.NEVER, Expiry.NEVER));
            BucketKeys month = dayAndMonth.computeIfAbsent(YearMonth.from(local), m -> new BucketKeys(keys, site,
                    new ReadModelKeys.Month(YearMonth.from(local)), Expiry.NEVER, Expiry.NEVER));
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
            realtimeKey = Expiry.live(realtimeExpiresAt(), now) == Expiry.GONE ? null : keys.realtime(site, minute);
        }
        return realtimeKey;
    }

    long realtimeExpiresAt() {
        return (realtimeMinute + 1) * 60 + REALTIME_TTL.toSeconds();
    }

    /**
     * A site's buckets for the instants of one local hour, found once per hour and batch; late when
     * its day is closed (see {@link Rollups}).
     */
    record HourSlot(long from, long until, List<BucketKeys> buckets, boolean late,
            List<VisitProjection.Target> targets) {

        HourSlot(long from, long until, List<BucketKeys> buckets, boolean late) {
            this(from, until, buckets, late, buckets.stream().map(BucketKeys::target).toList());
        }
    }
}
