package faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Fault 6: SIGTERM during the load, while a batch is committed but not yet acknowledged. Footfall
 * finishes that batch, acknowledges only what it committed and exits in time; a restart picks up the rest.
 */
class GracefulShutdownIT {

    private static final Duration EXIT_WITHIN = Duration.ofSeconds(25);
    @RegisterExtension
    static final FaultStack stack = new FaultStack("graceful-shutdown");

    @Test
    void sigtermFinishesTheBatchInFlightAndLosesNothing() throws Exception {
        // the pause after the commit makes sure a batch is in flight when the signal comes
        FootfallProcess footfall = stack.footfall("footfall").start("-Dfootfall.ingest.pause-after-commit=1S");
        FootfallApi api = new FootfallApi(footfall.baseUrl());
        FaultStack.LoadSite site = stack.newSite(List.of(api));
        RedisView redis = stack.redisView();
        LoadGenerator load = new LoadGenerator(List.of(footfall.baseUrl()), site.domain(), 200, 8_000,
                Duration.ofSeconds(40), Duration.ofSeconds(2)).start();
        Processes.sleep(6_000);

        Processes.await("a committed batch waiting to be acknowledged", Duration.ofSeconds(10),
                () -> committedAhead(site, redis) > 0);
        long inFlight = committedAhead(site, redis);
        long signalled = System.nanoTime();
        Duration exit = footfall.terminate();
        long rows = ThreeWayCheck.rows(stack.db(), site.domain());
        long published = redis.published() - site.publishedBefore();
        long pending = redis.pending();
        System.out.printf("[graceful-shutdown] SIGTERM with %d committed hits not yet acknowledged; exited in %d ms; "
                + "then %d rows, %d events published, %d queue entries pending, %d queued%n", inFlight,
                exit.toMillis(), rows, published, pending, redis.queued());
        assertTrue(exit.compareTo(EXIT_WITHIN) < 0, "exits within " + EXIT_WITHIN.toSeconds() + " s: " + exit);
        assertEquals(rows, published, "every committed hit was published and acknowledged before the exit, "
                + "and nothing else");

        long restarting = System.nanoTime();
        footfall.start();
        LoadResult result = load.awaitEnd();
        System.out.printf("[graceful-shutdown] hits sent between SIGTERM and exit: %s; restarted in %d ms%n",
                result.between(signalled, signalled + exit.toNanos()), (System.nanoTime() - restarting) / 1_000_000);
        ThreeWayCheck.Report report = ThreeWayCheck.verify("graceful-shutdown", result, site.domain(), stack.db(), redis,
                site.publishedBefore(), List.of(api));
        assertTrue(report.acknowledged() > 1_000, "too little load to prove anything: " + report);
        assertTrue(result.firstAcknowledgedAfter(restarting).isPresent(), "no hit acknowledged after the restart");
    }

    private static long committedAhead(FaultStack.LoadSite site, RedisView redis) {
        try {
            return ThreeWayCheck.rows(stack.db(), site.domain()) - (redis.published() - site.publishedBefore());
        } catch (Exception e) {
            return 0;
        }
    }
}
