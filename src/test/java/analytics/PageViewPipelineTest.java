package analytics;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static support.Footfall.CHROME;
import static support.Footfall.FIREFOX;
import static support.Footfall.IPHONE;
import static support.Footfall.createSiteAndWait;
import static support.Footfall.eventually;
import static support.Footfall.pageViewRows;
import static support.Footfall.pageview;
import static support.Footfall.stats;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.filter.cookie.CookieFilter;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import support.Account;
import support.Footfall;
import support.TestClock;

/**
 * Hits go in over HTTP at chosen moments; the raw rows, the Stats API and the dashboard must then
 * show exactly what was sent, in the site's time zone, across a daylight-saving change.
 */
@QuarkusTest
class PageViewPipelineTest {

    @Inject
    TestClock clock;

    String paris;
    String kolkata;

    @BeforeEach
    void sites() {
        paris = Footfall.uniqueDomain("paris");
        kolkata = Footfall.uniqueDomain("kolkata");
        createSiteAndWait(paris, "Europe/Paris", clock);
        createSiteAndWait(kolkata, "Asia/Kolkata", clock);
    }

    @AfterEach
    void resetClock() {
        clock.set(null);
    }

    void at(String instant, String site, String path, String userAgent, String ip) {
        clock.set(Instant.parse(instant));
        pageview(site, path, userAgent, ip);
    }

    /** Paris changes from CEST to CET at 2026-10-25T01:00Z; the local 25 October has 25 hours. */
    void sendParisHits() {
        at("2026-10-24T21:30:00Z", paris, "/", CHROME, "198.51.100.1");          // 24 Oct 23:30 CEST
        at("2026-10-24T22:30:00Z", paris, "/pricing", CHROME, "198.51.100.1");   // 25 Oct 00:30 CEST
        at("2026-10-25T00:30:00Z", paris, "/", FIREFOX, "198.51.100.2");         // 25 Oct 02:30 CEST
        at("2026-10-25T01:30:00Z", paris, "/docs", FIREFOX, "198.51.100.2");     // 25 Oct 02:30 CET
        at("2026-10-25T12:00:00Z", paris, "/pricing", IPHONE, "198.51.100.3");   // 25 Oct 13:00 CET
        at("2026-10-26T09:00:00Z", paris, "/", CHROME, "198.51.100.1");          // 26 Oct 10:00 CET
        eventually(() -> pageViewRows(paris) == 6);
        eventually(() -> aggregate(paris, "custom", "2026-10-24,2026-10-26").getLong("results.pageviews.value") == 6);
    }

    @Test
    void parisNumbersFollowTheLocalDaysAcrossTheDaylightSavingChange() {
        sendParisHits();

        assertTotals(paris, "day", "2026-10-24", 1, 1);
        assertTotals(paris, "day", "2026-10-25", 3, 4);
        assertTotals(paris, "day", "2026-10-26", 1, 1);
        // the visitor id rotates with the local day, so the returning visitor counts once per day
        assertTotals(paris, "custom", "2026-10-24,2026-10-26", 5, 6);
        assertTotals(paris, "7d", "2026-10-26", 5, 6);
        assertTotals(paris, "30d", "2026-10-26", 5, 6);
        assertTotals(paris, "month", "2026-10-26", 5, 6);
        assertTotals(paris, "12mo", "2026-10-26", 5, 6);
        assertTotals(paris, "7d", "2026-10-24", 1, 1);

        clock.set(Instant.parse("2026-10-25T12:30:00Z"));
        assertTotals(paris, "24h", null, 4, 5);
    }

    @Test
    void theDayOfTheChangeHas25HourlyBucketsWithBoth0200Hours() {
        sendParisHits();

        List<Map<String, Object>> hours = stats("timeseries", "site_id", paris, "period", "day", "date", "2026-10-25")
                .then().statusCode(200).extract().jsonPath().getList("results");
        assertEquals(25, hours.size());
        assertEquals("2026-10-25 00:00:00", hours.get(0).get("date"));
        assertEquals(1, hours.get(0).get("pageviews"));
        assertEquals("2026-10-25 02:00:00", hours.get(2).get("date"));
        assertEquals("2026-10-25 02:00:00", hours.get(3).get("date"));
        assertEquals(1, hours.get(2).get("pageviews"));
        assertEquals(1, hours.get(3).get("pageviews"));
        assertEquals(1, hours.get(14).get("pageviews")); // 13:00 CET is the 15th hour of a 25-hour day
        assertEquals(4, hours.stream().mapToInt(h -> (Integer) h.get("pageviews")).sum());

        List<Map<String, Object>> days = stats("timeseries", "site_id", paris, "period", "7d", "date", "2026-10-26")
                .then().statusCode(200).extract().jsonPath().getList("results");
        assertEquals(7, days.size());
        assertEquals(Map.of("date", "2026-10-24", "visitors", 1, "pageviews", 1), days.get(4));
        assertEquals(Map.of("date", "2026-10-25", "visitors", 3, "pageviews", 4), days.get(5));
        assertEquals(Map.of("date", "2026-10-26", "visitors", 1, "pageviews", 1), days.get(6));
    }

    @Test
    void topPagesAreSortedByVisitors() {
        sendParisHits();

        List<Map<String, Object>> pages = stats("breakdown", "site_id", paris, "period", "custom",
                "date", "2026-10-24,2026-10-26", "property", "event:page", "limit", "10")
                .then().statusCode(200).extract().jsonPath().getList("results");
        assertEquals(List.of(Map.of("page", "/", "visitors", 3, "pageviews", 3),
                Map.of("page", "/pricing", "visitors", 2, "pageviews", 2),
                Map.of("page", "/docs", "visitors", 1, "pageviews", 1)), pages);

        List<Map<String, Object>> top = stats("breakdown", "site_id", paris, "period", "day", "date", "2026-10-25",
                "property", "event:page", "limit", "1").then().statusCode(200).extract().jsonPath()
                .getList("results");
        assertEquals(List.of(Map.of("page", "/pricing", "visitors", 2, "pageviews", 2)), top);
    }

    @Test
    void aZoneHalfAnHourOffTheHourSplitsDaysAtLocalMidnight() {
        at("2026-10-24T18:29:00Z", kolkata, "/a", CHROME, "203.0.113.7");  // 24 Oct 23:59 IST
        at("2026-10-24T18:31:00Z", kolkata, "/b", CHROME, "203.0.113.7");  // 25 Oct 00:01 IST
        at("2026-10-24T18:45:00Z", kolkata, "/a", FIREFOX, "203.0.113.8"); // 25 Oct 00:15 IST
        eventually(() -> aggregate(kolkata, "custom", "2026-10-24,2026-10-25")
                .getLong("results.pageviews.value") == 3);

        assertEquals(3, pageViewRows(kolkata));
        assertTotals(kolkata, "day", "2026-10-24", 1, 1);
        assertTotals(kolkata, "day", "2026-10-25", 2, 2);
        List<Map<String, Object>> hours = stats("timeseries", "site_id", kolkata, "period", "day",
                "date", "2026-10-25").then().statusCode(200).extract().jsonPath().getList("results");
        assertEquals(24, hours.size());
        assertEquals(Map.of("date", "2026-10-25 00:00:00", "visitors", 2, "pageviews", 2), hours.get(0));
    }

    @Test
    void realtimeCountsVisitorsOfTheLastFiveMinutes() {
        at("2026-10-26T08:50:00Z", paris, "/", CHROME, "198.51.100.9");
        at("2026-10-26T08:58:00Z", paris, "/", FIREFOX, "198.51.100.10");
        at("2026-10-26T09:00:00Z", paris, "/", IPHONE, "198.51.100.11");
        eventually(() -> aggregate(paris, "day", "2026-10-26").getLong("results.pageviews.value") == 3);

        clock.set(Instant.parse("2026-10-26T09:01:30Z"));
        String body = stats("realtime/visitors", "site_id", paris).then().statusCode(200).extract().asString();
        assertEquals("2", body);
    }

    @Test
    void theDashboardShowsTheSameNumbers() {
        sendParisHits();
        CookieFilter session = Account.logIn(Footfall.ADMIN_EMAIL, Footfall.ADMIN_PASSWORD).cookies;

        String html = given().filter(session).queryParam("period", "custom").queryParam("from", "2026-10-24")
                .queryParam("to", "2026-10-26").when().get("/" + paris)
                .then().statusCode(200).extract().asString();
        assertTrue(html.contains("id=\"visitors\">5<"), html);
        assertTrue(html.contains("id=\"pageviews\">6<"), html);
        assertTrue(html.contains("<li data-value=\"/pricing\" data-visitors=\"2\">"), "the Pages card: " + html);
        String pages = given().filter(session).queryParam("period", "custom").queryParam("from", "2026-10-24")
                .queryParam("to", "2026-10-26").when().get("/" + paris + "/details/page")
                .then().statusCode(200).extract().asString();
        assertTrue(pages.contains("<td class=\"path\">/pricing</td>\n        <td class=\"num\">2</td><td class=\"num\">2</td>"),
                "the whole list, visitors and page views: " + pages);
        assertTrue(html.contains("<polyline"), "the chart is drawn server-side");

        String day = given().filter(session).queryParam("period", "day").queryParam("date", "2026-10-25")
                .when().get("/" + paris).then().statusCode(200).extract().asString();
        assertTrue(day.contains("id=\"visitors\">3<"), day);
        assertTrue(day.contains("id=\"pageviews\">4<"), day);
    }

    @Test
    void theDashboardNeedsALogin() {
        given().redirects().follow(false).when().get("/" + paris).then().statusCode(302);
        given().when().get("/api/v1/stats/aggregate?site_id=" + paris).then().statusCode(401);
        given().auth().oauth2("not-a-key-at-all-0000000000").when().get("/api/v1/stats/aggregate?site_id=" + paris)
                .then().statusCode(401);
    }

    static JsonPath aggregate(String site, String period, String date) {
        return (date == null ? stats("aggregate", "site_id", site, "period", period, "metrics", "visitors,pageviews")
                : stats("aggregate", "site_id", site, "period", period, "date", date, "metrics",
                        "visitors,pageviews")).then().statusCode(200).extract().jsonPath();
    }

    static void assertTotals(String site, String period, String date, long visitors, long pageviews) {
        JsonPath totals = aggregate(site, period, date);
        assertEquals(visitors, totals.getLong("results.visitors.value"), period + " " + date + " visitors");
        assertEquals(pageviews, totals.getLong("results.pageviews.value"), period + " " + date + " pageviews");
    }
}
