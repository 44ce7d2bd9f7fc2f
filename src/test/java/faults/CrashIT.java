package faults;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Fault 1: kill -9 Footfall in the middle of the load, at a moment when a batch is committed to
 * MySQL but not yet published and acknowledged (the dangerous window), then start it again.
 */
class CrashIT {

    private static final String WIDE_WINDOW = "-Dfootfall.ingest.pause-after-commit=1S";
    @RegisterExtension
    static final FaultStack stack = new FaultStack("crash");

    @Test
    void aKillBetweenCommitAndAcknowledgeLosesNothingAndCountsNothingTwice() throws Exception {
        FootfallProcess footfall = stack.footfall("footfall").start(WIDE_WINDOW);
        FootfallApi api = new FootfallApi(footfall.baseUrl());
        FaultStack.LoadSite site = stack.newSite(List.of(api));
        RedisView redis = stack.redisView();
        LoadGenerator load = new LoadGenerator(List.of(footfall.baseUrl()), site.domain(), 200, 8_000,
                Duration.ofSeconds(40), Duration.ofSeconds(2)).start();
        Processes.sleep(6_000);

        long rows = 0;
        long published = 0;
        for (int attempt = 1; attempt <= 3 && rows <= published; attempt++) {
            if (attempt > 1) {
                footfall.start(WIDE_WINDOW); // the kill missed the window: try again
            }
            Processes.await("a committed batch waiting to be published", Duration.ofSeconds(10),
                    () -> committedAhead(site, redis) > 0);
            footfall.kill9();
            rows = ThreeWayCheck.rows(stack.db(), site.domain());
            published = redis.published() - site.publishedBefore();
            System.out.printf("[crash] kill -9 #%d at %d acknowledged: %d rows in page_views, %d events published, "
                    + "%d queue entries pending%n", attempt, load.acknowledgedSoFar(), rows, published, redis.pending());
        }
        assertTrue(rows > published, "the kill never hit the window between commit and publish: " + rows
                + " rows, " + published + " events");

        long restarting = System.nanoTime();
        footfall.start();
        System.out.printf("[crash] restarted in %d ms%n", (System.nanoTime() - restarting) / 1_000_000);
        LoadResult result = load.awaitEnd();
        ThreeWayCheck.Report report = ThreeWayCheck.verify("crash", result, site.domain(), stack.db(), redis,
                site.publishedBefore(), List.of(api));
        assertTrue(report.acknowledged() > 1_000, "too little load to prove anything: " + report);
        assertTrue(result.firstAcknowledgedAfter(restarting).isPresent(), "no hit acknowledged after the restart");
    }

    private static long committedAhead(FaultStack.LoadSite site, RedisView redis) {
        try {
            long rows = ThreeWayCheck.rows(stack.db(), site.domain());
            return rows - (redis.published() - site.publishedBefore());
        } catch (Exception e) {
            return 0;
        }
    }
}
