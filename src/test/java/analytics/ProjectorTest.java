package analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static support.Footfall.createSite;
import static support.Footfall.stats;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import events.api.PageViewRecorded;
import events.api.Recorded;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import support.Footfall;

/** The projector applies each event once, however often it is delivered. */
@QuarkusTest
class ProjectorTest {

    @Inject
    Projector projector;

    @Test
    void deliveringTheSameEventsAgainChangesNoNumber() {
        String site = Footfall.uniqueDomain("projector");
        createSite(site, "America/New_York");
        List<Recorded<PageViewRecorded>> batch = List.of(
                recorded("1000-0", site, "2026-11-10T15:00:00Z", "/", 1L),
                recorded("1000-1", site, "2026-11-10T15:01:00Z", "/", 2L),
                recorded("1001-0", site, "2026-11-10T15:02:00Z", "/pricing", 1L));

        projector.apply(0, batch);
        JsonPath first = totals(site);
        assertEquals(2, first.getLong("results.visitors.value"));
        assertEquals(3, first.getLong("results.pageviews.value"));

        projector.apply(0, batch);
        projector.apply(0, List.of(batch.get(1)));
        JsonPath again = totals(site);
        assertEquals(2, again.getLong("results.visitors.value"));
        assertEquals(3, again.getLong("results.pageviews.value"));

        // a later event still counts, an earlier one that shows up late does not
        projector.apply(0, List.of(recorded("999-5", site, "2026-11-10T16:00:00Z", "/", 3L),
                recorded("1002-0", site, "2026-11-10T16:00:00Z", "/", 4L)));
        JsonPath last = totals(site);
        assertEquals(3, last.getLong("results.visitors.value"));
        assertEquals(4, last.getLong("results.pageviews.value"));
        assertEquals(List.of(Map.of("page", "/", "visitors", 3, "pageviews", 3),
                Map.of("page", "/pricing", "visitors", 1, "pageviews", 1)),
                stats("breakdown", "site_id", site, "period", "day", "date", "2026-11-10", "property", "event:page")
                        .then().statusCode(200).extract().jsonPath().getList("results"));
    }

    private static JsonPath totals(String site) {
        return stats("aggregate", "site_id", site, "period", "day", "date", "2026-11-10", "metrics",
                "visitors,pageviews").then().statusCode(200).extract().jsonPath();
    }

    private static Recorded<PageViewRecorded> recorded(String position, String site, String at, String path,
            long visitor) {
        return new Recorded<>(0, position, new PageViewRecorded(PageViewRecorded.VERSION,
                java.util.UUID.randomUUID().toString(), site, Instant.parse(at).toEpochMilli(), "pageview", path,
                visitor, null, "Chrome", "Linux", "Desktop", null, null, null, null, null, Map.of()));
    }
}
