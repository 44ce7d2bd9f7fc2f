package faults;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Fault 3: Redis (append-only, fsync always) stops for about five seconds in the middle of the load.
 * Ingest answers 503 quickly, the dashboard and Stats API answer errors rather than wrong numbers, and
 * once Redis is back on the same port and data directory everything works again without a restart.
 */
class RedisOutageIT {

    private static final Duration OUTAGE = Duration.ofSeconds(5);
    private static final long FAST_ENOUGH_MILLIS = 2_500;
    @RegisterExtension
    static final FaultStack stack = new FaultStack("redis-outage");

    @Test
    void ingestAnswers503QuicklyTheDashboardShowsAnErrorAndAllRecoversWithoutARestart() throws Exception {
        FootfallProcess footfall = stack.footfall("footfall").start();
        FootfallApi api = new FootfallApi(footfall.baseUrl());
        FaultStack.LoadSite site = stack.newSite(List.of(api));
        FootfallApi admin = api.loggedInAdmin();
        String dashboard = "/" + site.domain() + "?period=day";
        assertEquals(200, admin.get(dashboard).status(), "the dashboard works before the outage");
        // a long client timeout, so a hanging request shows as slow instead of hiding behind the timeout
        LoadGenerator load = new LoadGenerator(List.of(footfall.baseUrl()), site.domain(), 200, 6_000,
                Duration.ofSeconds(26), Duration.ofSeconds(10)).start();
        Processes.sleep(6_000);
        double threadsBefore = api.metric("jvm_threads_live_threads");

        long down = System.nanoTime();
        stack.redis().stop();
        long gone = System.nanoTime();
        Processes.sleep(1_500);
        FootfallApi.Answer dashboardDuring = admin.get(dashboard);
        FootfallApi.Answer statsDuring = api.stats("aggregate", site.domain(), "period=7d&metrics=pageviews");
        FootfallApi.Answer readyDuring = api.get("/q/health/ready");
        double threadsDuring = api.metric("jvm_threads_live_threads");
        Processes.sleep(Math.max(0, OUTAGE.toMillis() - (System.nanoTime() - down) / 1_000_000));
        stack.redis().start();
        long back = System.nanoTime();

        LoadResult result = load.awaitEnd();
        int cutOff = result.cutOff(down, gone);
        // the first and last half second belong to the stop and the start themselves
        LoadResult.Window during = result.between(down + 500_000_000L, back - 500_000_000L);
        OptionalLong recovered = result.firstAcknowledgedAfter(back);
        FootfallApi.Answer dashboardAfter = admin.get(dashboard);
        System.out.printf("[redis-outage] hits sent while Redis was down: %s; %d answered 503 while Redis was "
                + "stopping (may be stored)%n", during, cutOff);
        System.out.printf("[redis-outage] live threads %.0f before, %.0f during%n[redis-outage] during: dashboard %s%n"
                + "[redis-outage] during: Stats API %s%n[redis-outage] during: readiness %s%n", threadsBefore,
                threadsDuring, dashboardDuring, statsDuring, readyDuring);
        System.out.printf("[redis-outage] first hit acknowledged %s ms after Redis was back; dashboard after: %d%n",
                recovered.isPresent() ? recovered.getAsLong() : "never", dashboardAfter.status());

        int answered = during.outcomes().values().stream().mapToInt(Integer::intValue).sum();
        assertAll("Redis outage",
                () -> assertTrue(during.statuses().getOrDefault(503, 0) > 0, "ingest answers 503: " + during),
                () -> assertEquals(answered, during.statuses().getOrDefault(503, 0)
                        + during.statuses().getOrDefault(202, 0), "only 202 or 503, no timeouts or drops: " + during),
                () -> assertTrue(during.slowestMillis() <= FAST_ENOUGH_MILLIS, "ingest answers within "
                        + FAST_ENOUGH_MILLIS + " ms, never hangs: slowest " + during.slowestMillis() + " ms"),
                () -> assertTrue(dashboardDuring.serverError() && dashboardDuring.html(),
                        "the dashboard shows an HTML error page, not numbers: " + dashboardDuring),
                () -> assertEquals(503, statsDuring.status(), "the Stats API answers 503, not numbers: " + statsDuring),
                () -> assertEquals(503, readyDuring.status(), "readiness reports Redis down: " + readyDuring),
                () -> assertTrue(threadsDuring <= threadsBefore + 50, "no thread pile-up: " + threadsBefore + " -> "
                        + threadsDuring),
                () -> assertTrue(recovered.isPresent() && recovered.getAsLong() < 10_000,
                        "hits are acknowledged again within 10 s of Redis coming back, without a restart"),
                () -> assertEquals(200, dashboardAfter.status(), "the dashboard works again: " + dashboardAfter),
                () -> ThreeWayCheck.verify("redis-outage", result, site.domain(), stack.db(), stack.redisView(),
                        site.publishedBefore(), List.of(api)));
        assertTrue(footfall.alive(), "the same Footfall process served before, during and after the outage");
    }
}
