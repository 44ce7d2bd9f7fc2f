package analytics.readmodel;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static support.Footfall.CHROME;
import static support.Footfall.createSiteAndWait;
import static support.Footfall.eventually;
import static support.Footfall.pageViewRows;
import static support.Footfall.rows;
import static support.Footfall.stats;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import support.Footfall;
import support.TestClock;

/**
 * An event that makes the projector throw is retried, then set aside in failed_jobs with its
 * error; the events after it keep flowing; after the fix, a replay counts it exactly once.
 */
@QuarkusTest
class PoisonEventTest {

    @Inject
    TestClock clock;
    @Inject
    ProjectionFaults faults;

    @AfterEach
    void fix() {
        faults.inject(event -> false);
        clock.set(null);
    }

    @Test
    void aPoisonEventIsSetAsideAndReplayedAfterTheFix() {
        String site = Footfall.uniqueDomain("poison");
        createSiteAndWait(site, "UTC", clock);
        faults.inject(event -> "/poison".equals(event.path()));

        Footfall.pageview(site, "/before", CHROME, "192.0.2.1");
        Footfall.pageview(site, "/poison", CHROME, "192.0.2.2");
        Footfall.pageview(site, "/after", CHROME, "192.0.2.3");
        eventually(() -> pageViewRows(site) == 3);
        eventually(() -> rows("SELECT COUNT(*) FROM failed_jobs WHERE source = 'projector' AND payload LIKE ?",
                "%" + site + "%") == 1);
        eventually(() -> pages(site).size() == 2);
        assertEquals(List.of(Map.of("page", "/after", "visitors", 1, "pageviews", 1),
                Map.of("page", "/before", "visitors", 1, "pageviews", 1)), pages(site));
        List<Map<String, Object>> failed = given().auth().oauth2(Footfall.ADMIN_KEY)
                .when().get("/api/v1/admin/failed-jobs").then().statusCode(200).extract().jsonPath().getList("$");
        Map<String, Object> job = failed.stream().filter(j -> String.valueOf(j.get("payload")).contains(site))
                .findFirst().orElseThrow();
        assertEquals("projector", job.get("source"));
        assertEquals(Projector.MAX_ATTEMPTS, job.get("attempts"));
        assertTrue(String.valueOf(job.get("error")).contains("injected projection fault"), job.toString());

        faults.inject(event -> false); // the fix is deployed
        given().auth().oauth2(Footfall.ADMIN_KEY).when().post("/api/v1/admin/failed-jobs/replay")
                .then().statusCode(200);
        eventually(() -> pages(site).size() == 3);
        eventually(() -> pageviews(site) == 3);
        assertEquals(0, rows("SELECT COUNT(*) FROM failed_jobs WHERE payload LIKE ?", "%" + site + "%"));
        given().auth().oauth2(Footfall.ADMIN_KEY).when().post("/api/v1/admin/failed-jobs/replay")
                .then().statusCode(200).body("replayed", equalTo(0));
        assertEquals(3, pageviews(site));
    }

    private static List<Map<String, Object>> pages(String site) {
        return stats("breakdown", "site_id", site, "period", "24h", "property", "event:page").then().statusCode(200)
                .extract().jsonPath().getList("results");
    }

    private static long pageviews(String site) {
        return stats("aggregate", "site_id", site, "period", "24h", "metrics", "pageviews").then().statusCode(200)
                .extract().jsonPath().getLong("results.pageviews.value");
    }
}
