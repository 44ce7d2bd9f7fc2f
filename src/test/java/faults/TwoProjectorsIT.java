package faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Fault 7: two Footfall processes on one MariaDB and one Redis share the load. The one holding the
 * projector's lease is frozen (SIGSTOP) for longer than the lease, the other takes over, and the frozen
 * one wakes up in the middle of its step: twice, once each way. Every event is still counted once.
 */
class TwoProjectorsIT {

    private static final long FREEZE_MILLIS = 5_000; // the lease is 3 s
    @RegisterExtension
    static final FaultStack stack = new FaultStack("two-projectors");

    @Test
    void projectorsThatOverlapDuringALeaseHandOverCountEveryEventOnce() throws Exception {
        List<FootfallProcess> footfalls = List.of(stack.footfall("footfall-a").start(),
                stack.footfall("footfall-b").start());
        List<FootfallApi> apis = footfalls.stream().map(f -> new FootfallApi(f.baseUrl())).toList();
        FaultStack.LoadSite site = stack.newSite(apis);
        RedisView redis = stack.redisView();
        LoadGenerator load = new LoadGenerator(footfalls.stream().map(FootfallProcess::baseUrl).toList(),
                site.domain(), 200, 8_000, Duration.ofSeconds(28), Duration.ofSeconds(2)).start();

        List<String> handOvers = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            Processes.sleep(5_000);
            FootfallProcess holder = holder(footfalls, redis);
            holder.pause();
            try {
                Processes.sleep(FREEZE_MILLIS);
                String during = redis.leaseOwner();
                handOvers.add(holder.name() + " frozen, lease then held by " + during);
                assertTrue(!during.isEmpty() && !during.startsWith(holder.name() + "-"),
                        "the other process took the lease while " + holder.name() + " was frozen: " + during);
            } finally {
                holder.resume();
            }
        }
        System.out.printf("[two-projectors] %s%n", handOvers);
        assertEquals(2, handOvers.stream().map(h -> h.substring(0, h.indexOf(' '))).distinct().count(),
                "each process was frozen once while holding the lease: " + handOvers);

        LoadResult result = load.awaitEnd();
        ThreeWayCheck.Report report = ThreeWayCheck.verify("two-projectors", result, site.domain(), stack.db(), redis,
                site.publishedBefore(), apis);
        assertTrue(report.acknowledged() > 3_000, "too little load to prove anything: " + report);
        assertTrue(footfalls.stream().allMatch(FootfallProcess::alive), "both processes lived through it");
    }

    /** The process holding the lease; it may lapse for a moment between two holders. */
    private static FootfallProcess holder(List<FootfallProcess> footfalls, RedisView redis) {
        String[] owner = {""};
        Processes.await("a process holds the projector lease", Duration.ofSeconds(10),
                () -> !(owner[0] = redis.leaseOwner()).isEmpty());
        return footfalls.stream().filter(f -> owner[0].startsWith(f.name() + "-")).findFirst()
                .orElseThrow(() -> new AssertionError("the lease is held by neither process: '" + owner[0] + "'"));
    }
}
