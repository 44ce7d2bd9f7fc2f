package analytics.stats;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import analytics.readmodel.Generations;
import analytics.readmodel.ReadModelKeys;
import analytics.readmodel.Rollups;
import analytics.readmodel.VisitMetric;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;

/** The read side: answers every question from the read model in Redis, never from MySQL. */
@ApplicationScoped
public class StatsQuery {

    public record Totals(long visitors, long pageviews, VisitFigures visits) {
    }

    public record Point(String date, long visitors, long pageviews, VisitFigures visits) {
    }

    public record PageRow(String page, long visitors, long pageviews) {
    }

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);
    private static final int MAX_CANDIDATES = 20_000;

    private final Redis redis;
    private final Generations generations;
    private final Rollups rollups;

    StatsQuery(Redis redis, Generations generations, Rollups rollups) {
        this.redis = redis;
        this.generations = generations;
        this.rollups = rollups;
    }

    public Totals totals(String site, Period period, ZoneId zone) {
        ReadModelKeys keys = generations.current();
        Rollups.Union visitors = rollups.plan(keys, site, period.cover(), zone)
                .union("uv", bucket -> keys.visitors(site, bucket), "h");
        Request count = Request.cmd(Command.PFCOUNT);
        visitors.keys().forEach(count::arg);
        Request pageviews = Request.cmd(Command.MGET);
        period.cover().forEach(bucket -> pageviews.arg(keys.pageviews(site, bucket)));
        List<Request> calls = new ArrayList<>(visitors.prepare());
        calls.add(count);
        calls.add(pageviews);
        calls.add(visitCounters(keys, site, period.cover()));
        List<Response> answers = batch(calls);
        int n = calls.size();
        return new Totals(answers.get(n - 3).toLong(), sum(answers.get(n - 2)),
                VisitFigures.sum(answers.get(n - 1), 0, period.cover().size()));
    }

    /** One point per hour or day of the period, or per month when {@code monthly}. */
    public List<Point> timeseries(String site, Period period, ZoneId zone, boolean monthly) {
        ReadModelKeys keys = generations.current();
        List<Period.Point> groups = period.points(monthly, zone);
        List<ReadModelKeys.Bucket> all = new ArrayList<>();
        List<Request> calls = new ArrayList<>();
        for (Period.Point group : groups) {
            Request count = Request.cmd(Command.PFCOUNT);
            group.buckets().forEach(bucket -> count.arg(keys.visitors(site, bucket)));
            calls.add(count);
            all.addAll(group.buckets());
        }
        Request pageviews = Request.cmd(Command.MGET);
        all.forEach(bucket -> pageviews.arg(keys.pageviews(site, bucket)));
        calls.add(pageviews);
        calls.add(visitCounters(keys, site, all));
        List<Response> answers = batch(calls);
        Response counts = answers.get(answers.size() - 2);
        Response visits = answers.get(answers.size() - 1);
        List<Point> points = new ArrayList<>(groups.size());
        int first = 0;
        for (int i = 0; i < groups.size(); i++) {
            int size = groups.get(i).buckets().size();
            long views = 0;
            for (int b = first; b < first + size; b++) {
                views += number(counts.get(b));
            }
            points.add(new Point(groups.get(i).label(), answers.get(i).toLong(), views,
                    VisitFigures.sum(visits, first, size)));
            first += size;
        }
        return points;
    }

    /**
     * Top pages by visitors. Candidates come from the merged page-view ranking; since a page never
     * has more visitors than page views, the list grows until no page left out could rank higher.
     */
    public List<PageRow> topPages(String site, Period period, ZoneId zone, int limit) {
        ReadModelKeys keys = generations.current();
        Rollups.Plan plan = rollups.plan(keys, site, period.cover(), zone);
        Rollups.Union pages = plan.union("pages", bucket -> keys.pages(site, bucket), "z");
        List<Request> calls = new ArrayList<>(pages.prepare());
        boolean single = pages.keys().size() == 1;
        String merged = single ? pages.keys().get(0) : keys.site(site) + "tmp:pages:" + UUID.randomUUID();
        if (!single) {
            Request union = Request.cmd(Command.ZUNIONSTORE).arg(merged).arg(pages.keys().size());
            pages.keys().forEach(union::arg);
            calls.add(union);
            calls.add(Request.cmd(Command.EXPIRE).arg(merged).arg(60));
        }
        try {
            int wanted = limit + 20;
            // the first candidates come in the same round trip as the merge
            calls.add(candidates(merged, wanted));
            Response top = batch(calls).get(calls.size() - 1);
            while (true) {
                List<PageRow> rows = pageRows(keys, site, plan, top);
                long fewestViews = rows.isEmpty() ? 0 : rows.get(rows.size() - 1).pageviews();
                rows.sort(Comparator.comparingLong(PageRow::visitors).reversed()
                        .thenComparing(Comparator.comparingLong(PageRow::pageviews).reversed())
                        .thenComparing(PageRow::page));
                boolean exhaustive = rows.size() < wanted;
                boolean settled = exhaustive || fewestViews <= rows.get(limit - 1).visitors();
                if (settled || wanted >= MAX_CANDIDATES) {
                    return rows.subList(0, Math.min(limit, rows.size()));
                }
                wanted = Math.min(wanted * 4, MAX_CANDIDATES);
                top = redis.send(candidates(merged, wanted)).await().atMost(CALL_TIMEOUT);
            }
        } finally {
            if (!single) { // nobody waits for the clean-up (the key expires anyway)
                redis.send(Request.cmd(Command.UNLINK).arg(merged)).subscribe().with(done -> { }, failure -> { });
            }
        }
    }

    private static Request candidates(String ranking, int count) {
        return Request.cmd(Command.ZREVRANGE).arg(ranking).arg(0).arg(count - 1).arg("WITHSCORES");
    }

    /** True once the projector has applied any event of the site (its position exists). */
    public boolean hasEvents(String site) {
        return redis.send(Request.cmd(Command.EXISTS).arg(generations.current().position(site))).await()
                .atMost(CALL_TIMEOUT).toInteger() > 0;
    }

    /** Visitors seen in the last 5 minutes (one PFCOUNT over the minute keys). */
    public long realtimeVisitors(String site, Instant now) {
        ReadModelKeys keys = generations.current();
        long minute = now.getEpochSecond() / 60;
        Request count = Request.cmd(Command.PFCOUNT);
        for (long m = minute - 4; m <= minute; m++) {
            count.arg(keys.realtime(site, m));
        }
        return redis.send(count).await().atMost(CALL_TIMEOUT).toLong();
    }

    private List<PageRow> pageRows(ReadModelKeys keys, String site, Rollups.Plan plan, Response top) {
        List<String> pages = new ArrayList<>();
        List<Long> views = new ArrayList<>();
        for (int i = 0; i + 1 < top.size(); i += 2) {
            pages.add(top.get(i).toString());
            views.add(Math.round(Double.parseDouble(top.get(i + 1).toString())));
        }
        List<Request> calls = new ArrayList<>(pages.size() * 2);
        List<Integer> counts = new ArrayList<>(pages.size());
        for (String page : pages) {
            Rollups.Union visitors = plan.union("pagev:" + page, bucket -> keys.pageVisitors(site, bucket, page), "h");
            calls.addAll(visitors.prepare());
            Request count = Request.cmd(Command.PFCOUNT);
            visitors.keys().forEach(count::arg);
            counts.add(calls.size());
            calls.add(count);
        }
        List<Response> answers = calls.isEmpty() ? List.of() : batch(calls);
        List<PageRow> rows = new ArrayList<>(pages.size());
        for (int i = 0; i < pages.size(); i++) {
            rows.add(new PageRow(pages.get(i), answers.get(counts.get(i)).toLong(), views.get(i)));
        }
        return rows;
    }

    /** One MGET of the visit counters of the buckets: visits, bounces and duration of each bucket in turn. */
    private static Request visitCounters(ReadModelKeys keys, String site, List<ReadModelKeys.Bucket> buckets) {
        Request get = Request.cmd(Command.MGET);
        for (ReadModelKeys.Bucket bucket : buckets) {
            get.arg(keys.visitCounter(site, bucket, VisitMetric.VISITS))
                    .arg(keys.visitCounter(site, bucket, VisitMetric.BOUNCES))
                    .arg(keys.visitCounter(site, bucket, VisitMetric.DURATION));
        }
        return get;
    }

    private List<Response> batch(List<Request> calls) {
        return redis.batch(calls).await().atMost(CALL_TIMEOUT);
    }

    private static long sum(Response values) {
        long total = 0;
        for (Response value : values) {
            total += number(value);
        }
        return total;
    }

    private static long number(Response value) {
        return value == null ? 0 : value.toLong();
    }
}
