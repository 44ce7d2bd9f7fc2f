package analytics.readmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static support.Footfall.createSite;
import static support.Footfall.stats;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import events.api.PageViewRecorded;
import events.api.Recorded;
import support.PageViews;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.redis.client.Redis;
import jakarta.inject.Inject;
import support.Footfall;
import support.SiteKeys;

/**
 * Closed days are answered from merges kept in Redis; an event that reaches a closed day later
 * makes them again, so the numbers stay exact.
 */
@QuarkusTest
class RollupTest {

    @Inject
    Projector projector;
    @Inject
    Redis redis;

    private int sequence;

    @Test
    void mergedClosedDaysGiveTheSameNumbersAndALateEventMakesThemAgain() {
        String site = Footfall.uniqueDomain("rollup");
        createSite(site, "UTC");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        projector.apply(0, List.of(
                event(site, today.minusDays(5), "/a", 1), event(site, today.minusDays(5), "/b", 2),
                event(site, today.minusDays(4), "/a", 1), event(site, today.minusDays(4), "/a", 3),
                event(site, today.minusDays(3), "/c", 4),
                event(site, today, "/a", 5)));

        for (int ask = 0; ask < 2; ask++) { // made the first time, read from the merge the second
            assertEquals(Map.of("visitors", 5, "pageviews", 6), totals(site));
            assertEquals(List.of(Map.of("page", "/a", "visitors", 3, "pageviews", 4),
                    Map.of("page", "/b", "visitors", 1, "pageviews", 1),
                    Map.of("page", "/c", "visitors", 1, "pageviews", 1)), pages(site));
        }
        List<String> merges = merges(site);
        assertTrue(merges.stream().anyMatch(k -> k.contains(":roll:pages:")), merges.toString());
        assertTrue(merges.stream().anyMatch(k -> k.contains(":roll:uv:")), merges.toString());
        assertTrue(merges.stream().anyMatch(k -> k.contains(":roll:pagev:/a")), merges.toString());

        // a late event in a closed day: the merges are made again and count it
        projector.apply(0, List.of(event(site, today.minusDays(4), "/b", 6)));
        assertEquals(Map.of("visitors", 6, "pageviews", 7), totals(site));
        assertEquals(List.of(Map.of("page", "/a", "visitors", 3, "pageviews", 4),
                Map.of("page", "/b", "visitors", 2, "pageviews", 2),
                Map.of("page", "/c", "visitors", 1, "pageviews", 1)), pages(site));
    }

    private Recorded<PageViewRecorded> event(String site, LocalDate day, String path, long visitor) {
        Instant at = day.atTime(12, 0).toInstant(ZoneOffset.UTC);
        return new Recorded<>(0, "1000-" + sequence++, PageViews.pageView(site, at, path, visitor));
    }

    private static Map<String, Object> totals(String site) {
        Map<String, Map<String, Object>> results = stats("aggregate", "site_id", site, "period", "7d", "metrics",
                "visitors,pageviews").then().statusCode(200).extract().jsonPath().getMap("results");
        return Map.of("visitors", results.get("visitors").get("value"), "pageviews",
                results.get("pageviews").get("value"));
    }

    private static List<Map<String, Object>> pages(String site) {
        return stats("breakdown", "site_id", site, "period", "7d", "property", "event:page").then().statusCode(200)
                .extract().jsonPath().getList("results");
    }

    private List<String> merges(String site) {
        return SiteKeys.of(redis, site, "*roll:*");
    }
}
