package analytics.readmodel;

import java.util.List;

import events.api.PageViewRecorded;
import events.api.Visit;

/**
 * How one hit moves the visit figures of the read model. Ingest assigned the hit to its visit and
 * said what it changes (flags, duration added, the exit it moved), so this is sums only: applying a
 * site's hits in any order gives the same totals, and a replay of the raw rows gives the same again.
 * Visit figures go to the buckets of the visit's start; page views to the hit's own buckets.
 */
final class VisitProjection {

    /** The writes a projection makes; the read model folds them into one Lua step per site and batch. */
    interface Writes {
        void add(String key, long n, long expiresAt);

        void rank(String key, String member, long n, long expiresAt);

        void count(String key, String element, long expiresAt);
    }

    /** A bucket to write to, with the expiry of its totals and of its per-value rankings. */
    record Target(ReadModelKeys.Bucket bucket, long expiresAt, long rankingsExpireAt) {
    }

    private static final List<Dimension> CARRIED = List.of(Dimension.values()).stream()
            .filter(Dimension::carriedByEveryHit).toList();

    private final ReadModelKeys keys;
    private final String site;
    private final Writes writes;

    VisitProjection(ReadModelKeys keys, String site, Writes writes) {
        this.keys = keys;
        this.site = site;
        this.writes = writes;
    }

    /** Hits without a visit (version 1 events, engagement outside a visit) change no visit figure. */
    void project(PageViewRecorded event, List<Target> visitBuckets, List<Target> hitBuckets) {
        Visit visit = event.visit();
        if (visit == null || !visit.exists()) {
            return;
        }
        String visitor = Long.toString(event.visitor());
        for (Target target : visitBuckets) {
            totals(visit, target);
            for (Dimension dimension : CARRIED) {
                String value = dimension.valueOf(event);
                if (value != null) {
                    values(dimension, value, visit, visitor, target);
                }
            }
            entryAndExit(event, visit, visitor, target);
        }
        if (event.isPageview()) {
            for (Target target : hitBuckets) {
                for (Dimension dimension : CARRIED) {
                    String value = dimension.valueOf(event);
                    if (value != null) {
                        rank(target, dimension, VisitMetric.PAGEVIEWS, value, 1);
                    }
                }
            }
        }
    }

    private void totals(Visit visit, Target target) {
        if (visit.has(Visit.STARTS)) {
            add(target, VisitMetric.VISITS, 1);
        }
        long bounce = bounceChange(visit);
        if (bounce != 0) {
            add(target, VisitMetric.BOUNCES, bounce);
        }
        if (visit.addedMillis() > 0) {
            add(target, VisitMetric.DURATION, visit.addedMillis());
        }
    }

    private void values(Dimension dimension, String value, Visit visit, String visitor, Target target) {
        if (visit.has(Visit.STARTS)) {
            rank(target, dimension, VisitMetric.VISITS, value, 1);
            writes.count(keys.dimensionVisitors(site, target.bucket(), dimension, value), visitor,
                    target.rankingsExpireAt());
        }
        long bounce = bounceChange(visit);
        if (bounce != 0) {
            rank(target, dimension, VisitMetric.BOUNCES, value, bounce);
        }
        if (visit.addedMillis() > 0) {
            rank(target, dimension, VisitMetric.DURATION, value, visit.addedMillis());
        }
    }

    private void entryAndExit(PageViewRecorded event, Visit visit, String visitor, Target target) {
        String entry = visit.entryPage();
        if (entry != null) {
            if (visit.has(Visit.ENTRY)) {
                rank(target, Dimension.ENTRY_PAGE, VisitMetric.VISITS, entry, 1);
                writes.count(keys.dimensionVisitors(site, target.bucket(), Dimension.ENTRY_PAGE, entry), visitor,
                        target.rankingsExpireAt());
            }
            // an entry bounce was counted exactly when the entry page view came before the bounce ended
            long bounce = (visit.has(Visit.ENTRY_BOUNCE) ? 1 : 0) - (visit.has(Visit.UNBOUNCE) ? 1 : 0);
            if (bounce != 0) {
                rank(target, Dimension.ENTRY_PAGE, VisitMetric.BOUNCES, entry, bounce);
            }
            if (visit.addedMillis() > 0) {
                rank(target, Dimension.ENTRY_PAGE, VisitMetric.DURATION, entry, visit.addedMillis());
            }
        }
        if (event.isPageview()) {
            rank(target, Dimension.EXIT_PAGE, VisitMetric.VISITS, event.path(), 1);
            if (visit.exitFrom() != null) {
                rank(target, Dimension.EXIT_PAGE, VisitMetric.VISITS, visit.exitFrom(), -1);
            }
        }
    }

    private static long bounceChange(Visit visit) {
        return (visit.has(Visit.BOUNCE) ? 1 : 0) - (visit.has(Visit.UNBOUNCE) ? 1 : 0);
    }

    private void add(Target target, VisitMetric metric, long n) {
        writes.add(keys.visitCounter(site, target.bucket(), metric), n, target.expiresAt());
    }

    private void rank(Target target, Dimension dimension, VisitMetric metric, String value, long n) {
        writes.rank(keys.dimension(site, target.bucket(), dimension, metric), value, n, target.rankingsExpireAt());
    }
}
