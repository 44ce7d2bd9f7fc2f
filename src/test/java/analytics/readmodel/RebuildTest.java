package analytics.readmodel;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static support.Footfall.CHROME;
import static support.Footfall.FIREFOX;
import static support.Footfall.createSiteAndWait;
import static support.Footfall.eventually;
import static support.Footfall.pageViewRows;
import static support.Footfall.stats;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import jakarta.inject.Inject;
import support.Footfall;
import support.SiteKeys;
import support.TestClock;

/**
 * The read model is lost; a rebuild replays the raw rows through the replay stream into a new
 * generation while hits keep arriving, and the numbers come back exactly.
 */
@QuarkusTest
class RebuildTest {

    @Inject
    TestClock clock;
    @Inject
    Redis redis;

    @Test
    void aLostReadModelIsRebuiltFromTheRawRowsWhileHitsKeepArriving() throws Exception {
        String site = Footfall.uniqueDomain("rebuild");
        createSiteAndWait(site, "UTC", clock);
        clock.set(null);
        for (int i = 0; i < 40; i++) {
            Footfall.pageview(site, "/before/" + (i % 7), i % 2 == 0 ? CHROME : FIREFOX, "192.0.2." + (i % 13));
        }
        eventually(() -> pageviews(site) == 40);
        List<Map<String, Object>> pagesBefore = pages(site);
        long visitorsBefore = visitors(site);
        List<Map<String, Object>> entriesBefore = entryPages(site);
        assertEquals(7, entriesBefore.size(), "visits entered on each of the seven pages: " + entriesBefore);

        long deleted = deleteReadModel(site);
        assertTrue(deleted > 10, "deleted " + deleted + " keys");
        assertEquals(0, pageviews(site));

        JsonPath started = given().auth().oauth2(Footfall.ADMIN_KEY).when().post("/api/v1/admin/rebuild")
                .then().statusCode(202).extract().jsonPath();
        int generation = started.getInt("generation");
        given().auth().oauth2(Footfall.ADMIN_KEY).when().post("/api/v1/admin/rebuild").then().statusCode(409);

        // hits keep arriving during the rebuild, before and after its cutoff
        long deadline = System.currentTimeMillis() + 9_000;
        int during = 0;
        while (System.currentTimeMillis() < deadline) {
            Footfall.pageview(site, "/during", CHROME, "198.51.100." + (during % 50));
            during++;
            Thread.sleep(150);
        }
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() ->
                "done".equals(rebuildStatus().getString("status")));
        JsonPath done = rebuildStatus();
        assertEquals(generation, done.getInt("current"));
        assertTrue(done.getLong("replayed") >= 40, done.prettify());
        assertEquals(done.getLong("replayed"), done.getLong("total"), "exact once done: " + done.prettify());

        long expected = 40 + during;
        eventually(() -> pageviews(site) == expected);
        assertEquals(expected, pageViewRows(site));
        List<Map<String, Object>> pagesAfter = pages(site);
        assertEquals(pagesBefore, pagesAfter.stream().filter(p -> !"/during".equals(p.get("page"))).toList());
        // the replayed rows carry the visits ingest assigned: the same visits, bounces and durations again
        assertEquals(entriesBefore, entryPages(site).stream().filter(p -> !"/during".equals(p.get("entry_page")))
                .toList());
        int duringVisitors = Math.min(during, 50);
        Map<String, Object> duringPage = pagesAfter.stream().filter(p -> "/during".equals(p.get("page"))).findFirst()
                .orElseThrow();
        assertEquals(during, duringPage.get("pageviews"));
        // unique visitors are HyperLogLog estimates: exact page views, visitors within its error
        assertWithinHll(duringVisitors, ((Number) duringPage.get("visitors")).longValue());
        assertWithinHll(visitorsBefore + duringVisitors, visitors(site));
        // a hit after the rebuild: once it is counted, every event before it has been applied
        Footfall.pageview(site, "/after", CHROME, "192.0.2.1");
        eventually(() -> pages(site).stream().anyMatch(p -> "/after".equals(p.get("page"))));
        assertEquals(expected + 1, pageviews(site), "nothing is counted twice later");
    }

    static void assertWithinHll(long expected, long actual) {
        assertTrue(Math.abs(expected - actual) <= Math.max(1, expected * 2 / 100),
                "expected about " + expected + " visitors, got " + actual);
    }

    private long deleteReadModel(String site) {
        List<String> keys = SiteKeys.of(redis, site, "*");
        keys.forEach(key -> redis.send(Request.cmd(Command.DEL).arg(key)).await().indefinitely());
        return keys.size();
    }

    private static JsonPath rebuildStatus() {
        return given().auth().oauth2(Footfall.ADMIN_KEY).when().get("/api/v1/admin/rebuild")
                .then().statusCode(200).extract().jsonPath();
    }

    private static long pageviews(String site) {
        return stats("aggregate", "site_id", site, "period", "24h", "metrics", "pageviews").then().statusCode(200)
                .extract().jsonPath().getLong("results.pageviews.value");
    }

    private static long visitors(String site) {
        return stats("aggregate", "site_id", site, "period", "24h", "metrics", "visitors").then().statusCode(200)
                .extract().jsonPath().getLong("results.visitors.value");
    }

    private static List<Map<String, Object>> entryPages(String site) {
        return stats("breakdown", "site_id", site, "period", "24h", "property", "visit:entry_page", "metrics",
                "visitors,visits,bounce_rate,visit_duration", "limit", "100").then().statusCode(200).extract()
                .jsonPath().getList("results");
    }

    private static List<Map<String, Object>> pages(String site) {
        return stats("breakdown", "site_id", site, "period", "24h", "property", "event:page", "limit", "100")
                .then().statusCode(200).extract().jsonPath().getList("results");
    }
}
