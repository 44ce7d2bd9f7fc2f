package analytics.dashboard;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static support.Footfall.ADMIN_KEY;
import static support.Footfall.CHROME;
import static support.Footfall.FIREFOX;
import static support.Footfall.IPHONE;
import static support.Footfall.createSiteAndWait;
import static support.Footfall.eventually;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import support.Footfall;
import support.TestClock;

/**
 * A small known data set goes in over HTTP at chosen moments; the dashboard, its tabs, the Details
 * pages (paged and sorted) and the share link must show its numbers, with hostile values escaped.
 */
@QuarkusTest
class DashboardPagesTest {

    private static final String DAY = "?period=custom&from=2026-11-10&to=2026-11-10";
    private static final String FILLER_DAY = "?period=custom&from=2026-11-09&to=2026-11-09";
    private static final String HOSTILE_SOURCE = "<script>alert(1)</script>";
    private static final String HOSTILE_CAMPAIGN = "<img src=x onerror=alert(1)>";

    @Inject
    TestClock clock;

    String site;

    @BeforeEach
    void site() {
        site = Footfall.uniqueDomain("dash");
        createSiteAndWait(site, "UTC", clock);
    }

    @AfterEach
    void resetClock() {
        clock.set(null);
    }

    private void view(String at, String ip, String userAgent, String path, String referrer, int width) {
        clock.set(Instant.parse(at));
        String body = "{\"n\":\"pageview\",\"u\":\"https://" + site + path + "\",\"d\":\"" + site + "\""
                + (referrer == null ? "" : ",\"r\":\"" + referrer + "\"") + ",\"w\":" + width + "}";
        given().header("User-Agent", userAgent).header("X-Forwarded-For", ip).contentType("text/plain").body(body)
                .when().post("/api/event").then().statusCode(202).header("X-Footfall-Dropped", (String) null);
    }

    /**
     * 2026-11-10: 3 visitors, 3 visits, 8 page views. US (Chrome, desktop) from Google views /, then /pricing,
     * /docs, /pricing, /docs, /pricing over 10 minutes; DE (Firefox, desktop) lands on a newsletter link and bounces; FR (iPhone)
     * arrives from t.co with a hostile utm_source and utm_campaign and bounces. 2026-11-09: 105 one-page
     * visits of 105 pages, for paging.
     */
    private void sendTheDataSet() {
        view("2026-11-10T08:00:00Z", "8.8.8.8", CHROME, "/", "https://www.google.com/search?q=x", 1440);
        for (int i = 1; i <= 5; i++) {
            view("2026-11-10T08:" + String.format("%02d", 2 * i) + ":00Z", "8.8.8.8", CHROME,
                    i % 2 == 1 ? "/pricing" : "/docs", "https://" + site + "/", 1440);
        }
        view("2026-11-10T09:00:00Z", "194.25.2.129", FIREFOX,
                "/blog?utm_source=newsletter&utm_medium=email&utm_campaign=launch", null, 1920);
        view("2026-11-10T10:00:00Z", "212.27.48.10", IPHONE, "/?utm_source=%3Cscript%3Ealert(1)%3C%2Fscript%3E"
                + "&utm_medium=cpc&utm_campaign=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E", "https://t.co/x", 390);
        for (int i = 0; i < 105; i++) {
            view(String.format("2026-11-09T%02d:%02d:00Z", 1 + i / 10, i % 10), "198.51.100." + (i + 1), CHROME,
                    String.format("/p/%03d", i), null, 1280);
        }
        eventually(() -> pageviews("2026-11-10") == 8 && pageviews("2026-11-09") == 105);
    }

    private long pageviews(String day) {
        return Footfall.stats("aggregate", "site_id", site, "period", "custom", "date", day + "," + day, "metrics",
                "pageviews").jsonPath().getLong("results.pageviews.value");
    }

    private String get(String path) {
        return given().auth().oauth2(ADMIN_KEY).redirects().follow(false).when().get(path).then().statusCode(200)
                .extract().asString();
    }

    @Test
    void theDashboardItsTabsDetailsAndShareLinkShowTheDataSet() {
        sendTheDataSet();
        clock.set(Instant.parse("2026-11-10T10:02:00Z")); // FR's page view is 2 minutes old

        String html = get("/" + site + DAY);
        assertEquals("3", value(html, "visitors"));
        assertEquals("3", value(html, "visits"));
        assertEquals("8", value(html, "pageviews"));
        assertEquals("2.67", value(html, "views_per_visit"));
        assertEquals("67%", value(html, "bounce_rate"));
        assertEquals("3m 20s", value(html, "visit_duration"), "600 s over 3 visits; bounces count 0 s");
        assertTrue(html.contains("id=\"current-visitors\" data-value=\"1\">1<"), "FR, seen 2 minutes ago");
        assertTrue(html.contains("<section class=\"chart\" id=\"chart\" data-metric=\"visitors\">"), "charts visitors");

        // the default tabs: channels, top pages, the map, browsers
        assertEquals(List.of("channel", "page", "map", "browser"), tabs(html));
        assertEquals(List.of("/ 2", "/pricing 1", "/docs 1", "/blog 1"), rows(html, "card-pages"));
        assertTrue(html.contains("data-country=\"US\" fill=\""), "the map has the US");
        assertTrue(html.contains("IP geolocation: <a href=\"https://github.com/sapics/ip-location-db\""));
        assertEquals(List.of("Chrome 1", "Firefox 1", "Safari 1"), rows(html, "card-devices"));
        assertFalse(html.contains(HOSTILE_SOURCE));

        // a metric link charts that metric and keeps the period
        assertTrue(html.contains("href=\"?period=custom&amp;from=2026-11-10&amp;to=2026-11-10&amp;metric=visits#chart\""));
        String visits = get("/" + site + DAY + "&metric=visits");
        assertTrue(visits.contains("id=\"chart\" data-metric=\"visits\""));
        assertTrue(visits.contains("<a class=\"stat current\" href=\"?period=custom&amp;from=2026-11-10&amp;to=2026-11-10&amp;metric=visits#chart\" data-metric=\"visits\""));

        // other tabs, each kept beside the others in the links
        String tabbed = get("/" + site + DAY + "&sources=source&pages=exit_page&locations=country&devices=device");
        assertEquals(List.of("source", "exit_page", "country", "device"), tabs(tabbed));
        List<String> sources = rows(tabbed, "card-sources");
        assertEquals(3, sources.size(), sources.toString());
        assertTrue(sources.containsAll(List.of("Google 0% 1", "newsletter 100% 1",
                "&lt;script&gt;alert(1)&lt;/script&gt; 100% 1")), sources.toString());
        assertFalse(tabbed.contains(HOSTILE_SOURCE), "the hostile utm_source is escaped");
        assertEquals(List.of("/ 50% 1", "/blog 100% 1", "/pricing 33% 1"), sorted(rows(tabbed, "card-pages")),
                "exits and exit rate: / has 2 page views, /pricing 3");
        assertEquals(List.of("France 1", "Germany 1", "United States 1"), sorted(rows(tabbed, "card-locations")));
        assertTrue(tabbed.contains("<img class=\"flag\" src=\"/static/flags/de.svg\""));
        assertEquals(List.of("Desktop 2", "Mobile 1"), rows(tabbed, "card-devices"));
        assertTrue(tabbed.contains("href=\"?period=custom&amp;from=2026-11-10&amp;to=2026-11-10&amp;sources=source"
                + "&amp;pages=exit_page&amp;locations=country#card-devices\" data-tab=\"browser\""),
                "the Browser tab (the default, left out) keeps the other tabs");
        String campaigns = get("/" + site + DAY + "&sources=utm_campaign");
        assertTrue(campaigns.contains("data-tab=\"utm_campaign\" class=\"current\""));
        assertTrue(campaigns.contains("&lt;img src=x onerror=alert(1)&gt;"));
        assertFalse(campaigns.contains(HOSTILE_CAMPAIGN));

        // Details: every column, sortable; by visitors the read model's order
        String details = get("/" + site + "/details/source" + DAY);
        assertTrue(details.contains("data-value=\"Google\">"));
        assertEquals(List.of("Google", "1", "1", "0%", "10m 0s", "6"), cells(details, "Google"));
        assertFalse(details.contains(HOSTILE_SOURCE));
        String pages = get("/" + site + "/details/page" + DAY);
        assertEquals(List.of("/", "/pricing", "/docs", "/blog"), values(pages));
        String byViews = get("/" + site + "/details/page" + DAY + "&sort=pageviews&dir=desc");
        assertEquals(List.of("/pricing", "/", "/docs", "/blog"), values(byViews), "3 page views of 1 visitor first");
        assertTrue(byViews.contains("data-sort=\"pageviews\">Page views ↓<"), "the sorted column says so");
        String ascending = get("/" + site + "/details/page" + DAY + "&sort=pageviews&dir=asc");
        assertEquals(List.of("/blog", "/docs", "/", "/pricing"), values(ascending));
        String byName = get("/" + site + "/details/page" + DAY + "&sort=name&dir=desc");
        assertEquals(List.of("/pricing", "/docs", "/blog", "/"), values(byName));
        assertEquals(List.of("/", "50%"), List.of(cells(get("/" + site + "/details/exit_page" + DAY), "/").get(0),
                cells(get("/" + site + "/details/exit_page" + DAY), "/").get(3)));

        // paging: 105 pages, 100 a page
        String first = get("/" + site + "/details/entry_page" + FILLER_DAY);
        assertEquals(100, values(first).size());
        assertTrue(first.contains("id=\"next\""));
        assertFalse(first.contains("id=\"previous\""));
        String second = get("/" + site + "/details/entry_page" + FILLER_DAY + "&page=2");
        assertEquals(5, values(second).size());
        assertFalse(second.contains("id=\"next\""));
        List<String> all = new ArrayList<>(values(first));
        all.addAll(values(second));
        assertEquals(105, all.stream().distinct().count(), "no page repeats a row of another");
        String sortedSecond = get("/" + site + "/details/page" + FILLER_DAY + "&sort=name&dir=asc&page=2");
        assertEquals(List.of("/p/100", "/p/101", "/p/102", "/p/103", "/p/104"), values(sortedSecond));

        // render time of the whole dashboard, warmed, over HTTP (printed for the record, not asserted)
        for (int i = 0; i < 20; i++) {
            get("/" + site + DAY);
        }
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            millis.add(given().auth().oauth2(ADMIN_KEY).when().get("/" + site + DAY).then().statusCode(200).extract()
                    .time());
        }
        System.out.println("dashboard render ms, 20 warmed runs: " + sorted(millis.stream().map(String::valueOf)
                .toList()) + " " + millis);

        given().auth().oauth2(ADMIN_KEY).when().get("/" + site + "/details/nonsense").then().statusCode(404);
        given().auth().oauth2(ADMIN_KEY).when().get("/" + site + "/details/page?sort=bounce_rate").then()
                .statusCode(400);
        given().redirects().follow(false).when().get("/" + site + DAY).then().statusCode(302);
    }

    @Test
    void theShareLinkShowsEveryCardAndItsDetails() {
        sendTheDataSet();
        given().auth().oauth2(ADMIN_KEY).redirects().follow(false).post("/" + site + "/settings/share").then()
                .statusCode(303);
        String settings = get("/" + site + "/settings");
        String link = settings.replaceAll("(?s).*id=\"share-url\" class=\"copyable\">([^<]+)<.*", "$1");
        String share = link.substring(link.indexOf("/share/"));

        String html = given().when().get(share + DAY + "&sources=source").then().statusCode(200).extract().asString();
        assertEquals("8", value(html, "pageviews"));
        assertEquals(List.of("source", "page", "map", "browser"), tabs(html));
        assertFalse(html.contains(HOSTILE_SOURCE));
        assertTrue(html.contains("href=\"" + share + "/details/source?period=custom&amp;from=2026-11-10&amp;to=2026-11-10\""));
        assertFalse(html.contains("/settings"), "no owner links on a shared dashboard");
        String details = given().when().get(share + "/details/country" + DAY).then().statusCode(200).extract()
                .asString();
        assertEquals(List.of("DE", "FR", "US"), sorted(values(details)));
        assertTrue(details.contains("ip-location-db"));
        assertTrue(details.contains("href=\"" + share + "?period=custom&amp;from=2026-11-10&amp;to=2026-11-10\""),
                "back to the shared dashboard");
    }

    private static String value(String html, String id) {
        Matcher m = Pattern.compile("id=\"" + id + "\">([^<]*)<").matcher(html);
        assertTrue(m.find(), id);
        return m.group(1);
    }

    private static List<String> tabs(String html) {
        List<String> tabs = new ArrayList<>();
        Matcher m = Pattern.compile("<section class=\"report\" id=\"card-[a-z]+\" data-tab=\"([a-z_]+)\">").matcher(html);
        while (m.find()) {
            tabs.add(m.group(1));
        }
        return tabs;
    }

    /** The card's rows as "label figures..." in the order shown. */
    private static List<String> rows(String html, String card) {
        int start = html.indexOf("id=\"" + card + "\"");
        String section = html.substring(start, html.indexOf("</section>", start));
        List<String> rows = new ArrayList<>();
        Matcher m = Pattern.compile("(?s)<li data-value=.*?</li>").matcher(section);
        while (m.find()) {
            rows.add(text(m.group()));
        }
        return rows;
    }

    private static List<String> cells(String html, String value) {
        Matcher m = Pattern.compile("(?s)<tr data-value=\"" + Pattern.quote(value) + "\">(.*?)</tr>").matcher(html);
        assertTrue(m.find(), value);
        List<String> cells = new ArrayList<>();
        Matcher cell = Pattern.compile("(?s)<td[^>]*>(.*?)</td>").matcher(m.group(1));
        while (cell.find()) {
            cells.add(text(cell.group(1)));
        }
        return cells;
    }

    private static List<String> values(String html) {
        List<String> values = new ArrayList<>();
        Matcher m = Pattern.compile("<tr data-value=\"([^\"]*)\">").matcher(html);
        while (m.find()) {
            values.add(m.group(1));
        }
        return values;
    }

    private static String text(String fragment) {
        return fragment.replaceAll("(?s)<svg.*?</svg>", "").replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").strip();
    }

    private static List<String> sorted(List<String> list) {
        return list.stream().sorted().toList();
    }
}
