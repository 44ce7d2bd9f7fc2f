package faults;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Fault 2: MariaDB stops for 35 seconds in the middle of the load. Ingest keeps answering 202, the
 * queue grows, readiness says the database is gone; when MariaDB is back the backlog drains by itself.
 */
class DatabaseOutageIT {

    private static final Duration OUTAGE = Duration.ofSeconds(35);
    @RegisterExtension
    static final FaultStack stack = new FaultStack("database-outage");

    /** One look at Footfall's metrics and readiness, seconds after the outage began. */
    record Sample(double second, int ready, double queueDepth) {
        @Override
        public String toString() {
            return String.format("%.0fs ready=%d depth=%.0f", second, ready, queueDepth);
        }
    }

    @Test
    void ingestKeepsAcceptingWhileMariaDbIsDownAndTheBacklogDrainsAfterwards() throws Exception {
        FootfallProcess footfall = stack.footfall("footfall").start();
        FootfallApi api = new FootfallApi(footfall.baseUrl());
        FaultStack.LoadSite site = stack.newSite(List.of(api));
        FootfallApi admin = api.loggedInAdmin();
        // the promise is 202 during the outage, not a latency: a slow answer on a busy machine still counts
        LoadGenerator load = new LoadGenerator(List.of(footfall.baseUrl()), site.domain(), 200, 12_000,
                Duration.ofSeconds(46), Duration.ofSeconds(10)).start();
        Processes.sleep(5_000);

        long down = System.nanoTime();
        stack.db().stop();
        List<Sample> outage = sampleUntil(api, footfall, down, down + OUTAGE.toNanos() / 2);
        FootfallApi.Answer statsDuring = api.stats("aggregate", site.domain(), "period=7d&metrics=pageviews");
        FootfallApi.Answer dashboardDuring = admin.get("/" + site.domain() + "?period=day");
        outage.addAll(sampleUntil(api, footfall, down, down + OUTAGE.toNanos()));
        long back = System.nanoTime();
        stack.db().start();
        LoadResult result = load.awaitEnd();
        long loadEnded = System.nanoTime();
        List<Sample> drain = new ArrayList<>();
        Processes.await("the backlog drained (footfall_queue_depth 0)", Duration.ofSeconds(90), () -> {
            drain.add(sample(api, footfall, down));
            Processes.sleep(1_000);
            return drain.get(drain.size() - 1).queueDepth() == 0;
        });
        double drainedAfter = (System.nanoTime() - back) / 1e9;
        System.out.printf("[database-outage] during the outage: %s%n[database-outage] after: %s%n", outage, drain);

        LoadResult.Window during = result.between(down, back);
        double peak = outage.stream().mapToDouble(Sample::queueDepth).filter(d -> !Double.isNaN(d)).max().orElse(0);
        System.out.printf("[database-outage] hits sent while MariaDB was down: %s; queue depth peak %.0f; drained %.1f s "
                + "after MariaDB came back (%.1f s after the load ended)%n", during, peak, drainedAfter,
                (System.nanoTime() - loadEnded) / 1e9);
        System.out.printf("[database-outage] during the outage: Stats API %s%n[database-outage] during the outage: "
                + "dashboard %s%n", statsDuring, dashboardDuring);
        int acknowledgedDuring = during.outcomes().getOrDefault(LoadResult.Outcome.ACKNOWLEDGED, 0);
        List<Sample> settled = outage.stream().filter(s -> s.second() >= 5).toList();
        assertAll("MariaDB outage",
                () -> assertEquals(during.outcomes().values().stream().mapToInt(Integer::intValue).sum(),
                        acknowledgedDuring, "every hit sent during the outage is answered 202: " + during),
                () -> assertTrue(acknowledgedDuring > 5_000, "the load ran through the outage: " + during),
                () -> assertTrue(!settled.isEmpty() && settled.stream().allMatch(s -> s.ready() == 503),
                        "readiness is 503 while MariaDB is down: " + outage),
                () -> assertTrue(peak >= acknowledgedDuring / 2.0, "footfall_queue_depth shows the backlog: peak "
                        + peak + " for " + acknowledgedDuring + " hits accepted during the outage"),
                () -> assertEquals(200, footfall.readyStatus(), "ready again once MariaDB is back"),
                () -> assertTrue(statsDuring.status() == 503 || statsDuring.status() == 200,
                        "the Stats API answers from Redis, or 503 when it needs MySQL (README), never another error: "
                                + statsDuring),
                () -> assertTrue(dashboardDuring.status() == 200 || dashboardDuring.status() == 503
                        && dashboardDuring.html(), "the dashboard answers, or shows its 503 error page when it needs "
                                + "MySQL (README): " + dashboardDuring),
                () -> ThreeWayCheck.verify("database-outage", result, site.domain(), stack.db(), stack.redisView(),
                        site.publishedBefore(), List.of(api)));
    }

    private static List<Sample> sampleUntil(FootfallApi api, FootfallProcess footfall, long since, long until) {
        List<Sample> samples = new ArrayList<>();
        while (System.nanoTime() < until) {
            samples.add(sample(api, footfall, since));
            Processes.sleep(Math.max(0, Math.min(1_000, (until - System.nanoTime()) / 1_000_000)));
        }
        return samples;
    }

    private static Sample sample(FootfallApi api, FootfallProcess footfall, long since) {
        return new Sample((System.nanoTime() - since) / 1e9, footfall.readyStatus(), api.metric("footfall_queue_depth"));
    }
}
