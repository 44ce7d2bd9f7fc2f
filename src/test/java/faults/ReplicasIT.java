package faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Scale-out: three replicas of the packaged jar on one MariaDB and one Redis take a load round
 * robin; one is killed with kill -9 halfway. Its pending entries are taken over by the others;
 * every replica (the killed one restarted too) then reports the same exact numbers as the raw rows.
 */
class ReplicasIT {

    @RegisterExtension
    static final FaultStack stack = new FaultStack("replicas");

    @Test
    void hitsSpreadOverThreeReplicasAreStoredAndCountedOnceWhileOneDies() throws Exception {
        List<FootfallProcess> replicas = List.of(stack.footfall("replica-a").start(),
                stack.footfall("replica-b").start(), stack.footfall("replica-c").start());
        List<FootfallApi> apis = replicas.stream().map(r -> new FootfallApi(r.baseUrl())).toList();
        FaultStack.LoadSite site = stack.newSite(apis);
        LoadGenerator load = new LoadGenerator(replicas.stream().map(FootfallProcess::baseUrl).toList(), site.domain(),
                150, 4_500, Duration.ofSeconds(30), Duration.ofSeconds(2)).start();

        Processes.sleep(12_000);
        replicas.get(2).kill9();
        LoadResult result = load.awaitEnd();
        replicas.get(2).start();

        ThreeWayCheck.Report report = ThreeWayCheck.verify("replicas", result, site.domain(), stack.db(),
                stack.redisView(), site.publishedBefore(), apis);
        System.out.printf("[replicas] %s%n", report);
        assertTrue(report.acknowledged() > 2_000, "too little load to prove anything: " + report);
        assertEquals(3, report.stats().size());
        report.stats().forEach(totals -> assertEquals(report.rows(), totals.pageviews(), report.toString()));
        assertEquals(1, report.stats().stream().distinct().count(), "every replica shows the same numbers");
    }
}
