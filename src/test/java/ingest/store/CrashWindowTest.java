package ingest.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static support.Footfall.CHROME;
import static support.Footfall.FIREFOX;
import static support.Footfall.createSiteAndWait;
import static support.Footfall.eventually;
import static support.Footfall.pageViewRows;
import static support.Footfall.stats;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import events.api.Completion;
import events.api.HitQueue;
import events.api.PageViewRecorded;
import events.api.QueuedHit;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import support.Footfall;
import support.TestClock;

/**
 * The window between commit, publish and acknowledge: a worker that dies after its MySQL commit
 * leaves its batch to another worker, which stores nothing twice and publishes each event once;
 * and if the first worker comes back to life, its late acknowledgement publishes nothing.
 */
@QuarkusTest
@TestProfile(NoWritersProfile.class)
class CrashWindowTest {

    @Inject
    TestClock clock;
    @Inject
    HitQueue queue;
    @Inject
    PageViewRows rows;
    @Inject
    PageViewWriter writer;
    @Inject
    ObjectMapper json;

    @AfterEach
    void resetClock() {
        clock.set(null);
    }

    @Test
    void aBatchCommittedByADeadWorkerIsStoredAndCountedOnce() throws Exception {
        String site = Footfall.uniqueDomain("crash");
        clock.set(Instant.parse("2026-11-02T10:00:00Z"));
        createSiteAndWait(site, "UTC", clock);
        clock.set(Instant.parse("2026-11-02T10:00:00Z"));
        String[][] visits = {{"/", CHROME, "192.0.2.1"}, {"/a", CHROME, "192.0.2.1"}, {"/", FIREFOX, "192.0.2.2"},
                {"/b", CHROME, "192.0.2.3"}, {"/", CHROME, "192.0.2.4"}};
        for (String[] visit : visits) {
            Footfall.pageview(site, visit[0], visit[1], visit[2]);
        }

        // the doomed worker takes the batch and commits it to MySQL, then dies before publishing
        List<QueuedHit> taken = takeAll("dead-worker", visits.length + 1); // + the probe hit
        List<PageViewRecorded> events = new ArrayList<>();
        for (QueuedHit hit : taken) {
            events.add(json.readValue(hit.payload(), PageViewRecorded.class));
        }
        assertEquals(events.size(), rows.insert(events));
        assertEquals(visits.length, pageViewRows(site));

        // another worker takes the entries over and finishes the job
        List<QueuedHit> reclaimed = queue.reclaim(0, "live-worker", Duration.ZERO, 100);
        assertEquals(taken.size(), reclaimed.size());
        writer.write(0, "live-worker", reclaimed);
        assertEquals(visits.length, pageViewRows(site), "the retried batch added no second row");
        assertEquals(0, rows.insert(events), "inserting the same batch again stores nothing");

        // the dead worker wakes up and acknowledges what it no longer owns: nothing is published
        List<Completion> late = new ArrayList<>();
        for (int i = 0; i < taken.size(); i++) {
            late.add(new Completion(taken.get(i).id(), events.get(i)));
        }
        assertEquals(0, queue.complete(0, "dead-worker", late));

        eventually(() -> pageviews(site) == visits.length);
        // a later hit, stored and published: once it is counted, a second publication before it would be too
        Footfall.pageview(site, "/later", CHROME, "192.0.2.1");
        writer.write(0, "live-worker", takeAll("live-worker", 1));
        eventually(() -> stats("breakdown", "site_id", site, "period", "day", "date", "2026-11-02", "property",
                "event:page").then().statusCode(200).extract().jsonPath().getList("results.page").contains("/later"));
        assertEquals(visits.length + 1, pageviews(site), "every event is counted once");
        assertEquals(visits.length + 1, pageViewRows(site));
        assertEquals(4, stats("aggregate", "site_id", site, "period", "day", "date", "2026-11-02")
                .then().statusCode(200).extract().jsonPath().getLong("results.visitors.value"));
        assertEquals(0, queue.depth(), "every entry was acknowledged");
    }

    private List<QueuedHit> takeAll(String consumer, int expected) {
        List<QueuedHit> taken = new ArrayList<>();
        long deadline = System.currentTimeMillis() + 10_000;
        while (taken.size() < expected && System.currentTimeMillis() < deadline) {
            taken.addAll(queue.take(0, consumer, 100, Duration.ofMillis(200)));
        }
        assertTrue(taken.size() >= expected, "took " + taken.size());
        return taken;
    }

    private static long pageviews(String site) {
        return stats("aggregate", "site_id", site, "period", "day", "date", "2026-11-02", "metrics", "pageviews")
                .then().statusCode(200).extract().jsonPath().getLong("results.pageviews.value");
    }
}
