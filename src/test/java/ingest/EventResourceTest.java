package ingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static support.Footfall.CHROME;
import static support.Footfall.createSiteAndWait;
import static support.Footfall.eventually;
import static support.Footfall.pageViewRows;
import static support.Footfall.rows;

import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import support.Footfall;
import support.TestClock;

/** The public endpoint: what it accepts, what it refuses with which message, and what it drops. */
@QuarkusTest
class EventResourceTest {

    @Inject
    TestClock clock;

    static String site;

    @BeforeEach
    void site() {
        if (site == null) {
            site = Footfall.uniqueDomain("ingest");
            createSiteAndWait(site, "UTC", clock);
        }
    }

    @AfterEach
    void resetClock() {
        clock.set(null);
    }

    static Stream<Arguments> badHits() {
        String ok = "\"n\":\"pageview\",\"u\":\"https://x.example/\"";
        return Stream.of(
                Arguments.of("{not json", 400, "body"),
                Arguments.of("[1,2,3]", 400, "body"),
                Arguments.of("", 400, "body"),
                Arguments.of("{\"u\":\"https://x.example/\",\"d\":\"SITE\"}", 400, "name"),
                Arguments.of("{\"n\":\"\",\"u\":\"https://x.example/\",\"d\":\"SITE\"}", 400, "name"),
                Arguments.of("{\"n\":\"pageview\",\"d\":\"SITE\"}", 400, "url"),
                Arguments.of("{\"n\":\"pageview\",\"u\":\"\",\"d\":\"SITE\"}", 400, "url"),
                Arguments.of("{" + ok + "}", 400, "domain"),
                Arguments.of("{" + ok + ",\"d\":\"\"}", 400, "domain"),
                Arguments.of("{" + ok + ",\"d\":42}", 400, "domain"),
                Arguments.of("{\"n\":\"pageview\",\"u\":\"ftp://x.example/\",\"d\":\"SITE\"}", 400, "url"),
                Arguments.of("{\"n\":\"pageview\",\"u\":\"javascript:alert(1)\",\"d\":\"SITE\"}", 400, "url"),
                Arguments.of("{\"n\":\"pageview\",\"u\":\"https://x.example/" + "a".repeat(2000) + "\",\"d\":\"SITE\"}",
                        400, "url"),
                Arguments.of("{" + ok + ",\"d\":\"SITE\",\"r\":\"https://r.example/" + "b".repeat(2000) + "\"}", 400,
                        "referrer"),
                Arguments.of("{\"n\":\"" + "e".repeat(121) + "\",\"u\":\"https://x.example/\",\"d\":\"SITE\"}", 400,
                        "name"),
                Arguments.of("{\"n\":\"a\\u0000b\",\"u\":\"https://x.example/\",\"d\":\"SITE\"}", 400, "name"),
                Arguments.of("{" + ok + ",\"d\":\"SITE\",\"p\":[1]}", 400, "props"),
                Arguments.of("{" + ok + ",\"d\":\"SITE\",\"p\":{\"a\":{\"b\":1}}}", 400, "props"),
                Arguments.of("{" + ok + ",\"d\":\"SITE\",\"w\":\"wide\"}", 400, "w"),
                Arguments.of("{" + ok + ",\"d\":\"SITE\",\"x\":\"" + "z".repeat(9000) + "\"}", 413, "body"));
    }

    @ParameterizedTest
    @MethodSource("badHits")
    void badInputIsRefusedNamingTheFieldAndStoresNothing(String body, int status, String field) {
        long before = pageViewRows(site);
        given().header("User-Agent", CHROME).contentType("text/plain").body(body.replace("SITE", site))
                .when().post("/api/event")
                .then().statusCode(status).body("field", equalTo(field)).body("error", containsString(
                        field.equals("body") ? "body" : field));
        assertEquals(before + 1, settledRows(), "the refused hit was stored");
    }

    @Test
    void aPlausibleStyleHitIsAcceptedAndStoredWithItsParts() {
        String body = "{\"n\":\"pageview\",\"u\":\"https://" + site + "/blog/post?utm_source=newsletter"
                + "&utm_campaign=launch&ref=x\",\"d\":\"" + site + "\",\"r\":\"https://www.news.example/item?id=1\","
                + "\"w\":390,\"unknown\":true}";
        given().header("User-Agent", Footfall.IPHONE).header("X-Forwarded-For", "192.0.2.33").contentType("text/plain")
                .body(body).when().post("/api/event")
                .then().statusCode(202).header("Access-Control-Allow-Origin", "*");
        eventually(() -> rows("SELECT COUNT(*) FROM page_views WHERE site = ? AND path = '/blog/post'", site) == 1);
        assertEquals(1, rows("SELECT COUNT(*) FROM page_views WHERE site = ? AND path = '/blog/post' AND "
                + "utm_source = 'newsletter' AND utm_campaign = 'launch' AND referrer = 'news.example' AND "
                + "browser = 'Safari' AND browser_version = '17.4' AND os = 'iOS' AND device = 'Mobile'"
                + " AND name = 'pageview' AND source = 'newsletter' AND referrer_url = 'news.example/item'"
                + " AND channel = 'Email' AND country IS NULL AND visit_flags = 23 AND visit_entry = '/blog/post'"
                + " AND visit_source = 'newsletter'", site));
    }

    @Test
    void customEventsKeepTheirPropsEvenWhenSentAsAJsonString() {
        given().header("User-Agent", CHROME).contentType("application/json")
                .body("{\"name\":\"Signup\",\"url\":\"https://" + site + "/join\",\"domain\":\"" + site
                        + "\",\"props\":\"{\\\"plan\\\":\\\"pro\\\"}\"}")
                .when().post("/api/event").then().statusCode(202);
        eventually(() -> rows("SELECT COUNT(*) FROM page_views WHERE site = ? AND name = 'Signup'", site) == 1);
        assertEquals(1, rows("SELECT COUNT(*) FROM page_views WHERE site = ? AND name = 'Signup' AND "
                + "props = '{\"plan\":\"pro\"}'", site));
    }

    @Test
    void unknownSitesAndBotsAreDroppedWith202AndAReason() {
        long before = pageViewRows(site);
        String nobody = Footfall.uniqueDomain("nobody");
        given().header("User-Agent", CHROME).contentType("text/plain")
                .body("{\"n\":\"pageview\",\"u\":\"https://" + nobody + "/\",\"d\":\"" + nobody + "\"}")
                .when().post("/api/event").then().statusCode(202).header("X-Footfall-Dropped", "unknown-site");
        given().header("User-Agent", "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)")
                .contentType("text/plain")
                .body("{\"n\":\"pageview\",\"u\":\"https://" + site + "/\",\"d\":\"" + site + "\"}")
                .when().post("/api/event").then().statusCode(202).header("X-Footfall-Dropped", "bot");
        given().header("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
                + "HeadlessChrome/124.0.0.0 Safari/537.36").contentType("text/plain")
                .body("{\"n\":\"pageview\",\"u\":\"https://" + site + "/\",\"d\":\"" + site + "\"}")
                .when().post("/api/event").then().statusCode(202).header("X-Footfall-Dropped", "bot");
        assertEquals(before + 1, settledRows(), "a dropped hit was stored");
        assertEquals(0, rows("SELECT COUNT(*) FROM page_views WHERE site = ?", nobody));
    }

    @Test
    void corsIsOpenForTheEventEndpointOnly() {
        given().header("Origin", "https://elsewhere.example").header("Access-Control-Request-Method", "POST")
                .when().options("/api/event")
                .then().statusCode(204).header("Access-Control-Allow-Origin", "*")
                .header("Access-Control-Allow-Methods", containsString("POST"));
        given().header("Origin", "https://elsewhere.example").auth().oauth2(Footfall.ADMIN_KEY)
                .when().get("/api/v1/sites")
                .then().statusCode(200).header("Access-Control-Allow-Origin", (String) null);
    }

    /**
     * This site's rows once storage has settled: a later hit is sent and awaited, so anything sent
     * before it would be stored by now. Counts that hit too.
     */
    private static long settledRows() {
        String marker = "/settled-" + java.util.UUID.randomUUID();
        Footfall.pageview(site, marker, CHROME, "192.0.2.99");
        eventually(() -> rows("SELECT COUNT(*) FROM page_views WHERE site = ? AND path = ?", site, marker) == 1);
        return pageViewRows(site);
    }

    @Test
    void theVisitorIdIsTheSameForOneBrowserAndDifferentForAnother() {
        String path = "/same-visitor";
        for (String ip : new String[] {"192.0.2.50", "192.0.2.50", "192.0.2.51"}) {
            Footfall.pageview(site, path, CHROME, ip);
        }
        eventually(() -> rows("SELECT COUNT(*) FROM page_views WHERE site = ? AND path = ?", site, path) == 3);
        assertEquals(2, rows("SELECT COUNT(DISTINCT visitor) FROM page_views WHERE site = ? AND path = ?", site, path));
    }
}
