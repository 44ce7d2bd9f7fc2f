package analytics.stats;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import analytics.readmodel.Dimension;
import analytics.readmodel.Generations;
import analytics.readmodel.ReadModelKeys;
import analytics.readmodel.Rollups;
import analytics.readmodel.VisitMetric;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A period's visits broken down by one visit property (source, country, entry page, ...), from the
 * read model's per-value rankings. Values are ranked by visits; since a value never has more visitors
 * than visits, candidates are added until no value left out could have more visitors than the last shown.
 */
@ApplicationScoped
public class Breakdowns {

    /**
     * One value's figures. For exit pages, {@code visits} are the visits that ended there and
     * {@code pageviews} the page's page views (exit rate = visits / pageviews); their visitors are
     * not counted apart, so {@code visitors} repeats the exits.
     */
    public record Row(String value, long visitors, VisitFigures visits, long pageviews) {

        public long exitRate() {
            return pageviews == 0 ? 0 : Math.round(100.0 * visits.visits() / pageviews);
        }
    }

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);
    private static final int MAX_CANDIDATES = 20_000;

    private final Redis redis;
    private final Generations generations;
    private final Rollups rollups;

    Breakdowns(Redis redis, Generations generations, Rollups rollups) {
        this.redis = redis;
        this.generations = generations;
        this.rollups = rollups;
    }

    /** The rows from {@code offset} on, at most {@code limit}, by visitors, then visits, then value. */
    public List<Row> top(String site, Period period, ZoneId zone, Dimension dimension, int limit, int offset) {
        ReadModelKeys keys = generations.current();
        Rollups.Plan plan = rollups.plan(keys, site, period.cover(), zone);
        Rollups.Union ranking = metric(plan, keys, site, dimension, VisitMetric.VISITS);
        List<Request> calls = new ArrayList<>(ranking.prepare());
        boolean single = ranking.keys().size() == 1;
        String merged = single ? ranking.keys().get(0) : keys.site(site) + "tmp:d:" + UUID.randomUUID();
        if (!single) {
            Request union = Request.cmd(Command.ZUNIONSTORE).arg(merged).arg(ranking.keys().size());
            ranking.keys().forEach(union::arg);
            calls.add(union);
            calls.add(Request.cmd(Command.EXPIRE).arg(merged).arg(60));
        }
        int shown = offset + limit;
        try {
            int wanted = shown + 20;
            calls.add(candidates(merged, wanted));
            Response top = batch(calls).get(calls.size() - 1);
            while (true) {
                List<Row> rows = rows(keys, site, plan, dimension, top);
                long fewestVisits = rows.isEmpty() ? 0 : rows.get(rows.size() - 1).visits().visits();
                rows.sort(Comparator.comparingLong(Row::visitors).reversed()
                        .thenComparing(Comparator.comparingLong((Row row) -> row.visits().visits()).reversed())
                        .thenComparing(Row::value));
                boolean exhaustive = rows.size() < wanted;
                boolean settled = exhaustive || fewestVisits <= rows.get(shown - 1).visitors();
                if (settled || wanted >= MAX_CANDIDATES) {
                    return rows.subList(Math.min(offset, rows.size()), Math.min(shown, rows.size()));
                }
                wanted = Math.min(wanted * 4, MAX_CANDIDATES);
                top = redis.send(candidates(merged, wanted)).await().atMost(CALL_TIMEOUT);
            }
        } finally {
            if (!single) {
                redis.send(Request.cmd(Command.UNLINK).arg(merged)).subscribe().with(done -> { }, failure -> { });
            }
        }
    }

    private static Rollups.Union metric(Rollups.Plan plan, ReadModelKeys keys, String site, Dimension dimension,
            VisitMetric metric) {
        return plan.union("d:" + dimension.name() + ":" + metric.name(),
                bucket -> keys.dimension(site, bucket, dimension, metric), "z");
    }

    private static Request candidates(String ranking, int count) {
        // a value whose visits all moved elsewhere (an exit page left) keeps a score of 0: not a row
        return Request.cmd(Command.ZREVRANGEBYSCORE).arg(ranking).arg("+inf").arg("(0").arg("WITHSCORES")
                .arg("LIMIT").arg(0).arg(count);
    }

    private List<Row> rows(ReadModelKeys keys, String site, Rollups.Plan plan, Dimension dimension, Response top) {
        List<String> values = new ArrayList<>();
        List<Long> visits = new ArrayList<>();
        for (int i = 0; i + 1 < top.size(); i += 2) {
            values.add(top.get(i).toString());
            visits.add(Math.round(Double.parseDouble(top.get(i + 1).toString())));
        }
        if (values.isEmpty()) {
            return new ArrayList<>();
        }
        boolean exits = dimension == Dimension.EXIT_PAGE;
        List<Request> calls = new ArrayList<>();
        List<List<String>> scoreKeys = new ArrayList<>();
        List<VisitMetric> scored = exits ? List.of() : List.of(VisitMetric.BOUNCES, VisitMetric.DURATION,
                VisitMetric.PAGEVIEWS);
        for (VisitMetric metric : scored) {
            Rollups.Union union = metric(plan, keys, site, dimension, metric);
            calls.addAll(union.prepare());
            scoreKeys.add(union.keys());
        }
        if (exits) {
            Rollups.Union pages = plan.union("pages", bucket -> keys.pages(site, bucket), "z");
            calls.addAll(pages.prepare());
            scoreKeys.add(pages.keys());
        }
        List<Integer> scoreCalls = new ArrayList<>();
        for (List<String> metricKeys : scoreKeys) {
            scoreCalls.add(calls.size());
            for (String key : metricKeys) {
                Request scores = Request.cmd(Command.ZMSCORE).arg(key);
                values.forEach(scores::arg);
                calls.add(scores);
            }
        }
        List<Integer> visitorCalls = new ArrayList<>();
        if (!exits) {
            for (String value : values) {
                Rollups.Union visitors = plan.union("dv:" + dimension.name() + ":" + value,
                        bucket -> keys.dimensionVisitors(site, bucket, dimension, value), "h");
                calls.addAll(visitors.prepare());
                Request count = Request.cmd(Command.PFCOUNT);
                visitors.keys().forEach(count::arg);
                visitorCalls.add(calls.size());
                calls.add(count);
            }
        }
        List<Response> answers = batch(calls);
        List<Row> rows = new ArrayList<>(values.size());
        for (int v = 0; v < values.size(); v++) {
            long[] sums = new long[scoreKeys.size()];
            for (int m = 0; m < scoreKeys.size(); m++) {
                for (int k = 0; k < scoreKeys.get(m).size(); k++) {
                    Response score = answers.get(scoreCalls.get(m) + k).get(v);
                    sums[m] += score == null ? 0 : Math.round(Double.parseDouble(score.toString()));
                }
            }
            long visitCount = visits.get(v);
            rows.add(exits
                    ? new Row(values.get(v), visitCount, new VisitFigures(visitCount, 0, 0), sums[0])
                    : new Row(values.get(v), answers.get(visitorCalls.get(v)).toLong(),
                            new VisitFigures(visitCount, sums[0], sums[1]), sums[2]));
        }
        return rows;
    }

    private List<Response> batch(List<Request> calls) {
        return redis.batch(calls).await().atMost(CALL_TIMEOUT);
    }
}
