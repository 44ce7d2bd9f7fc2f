package analytics.sites;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static support.Footfall.CHROME;
import static support.Footfall.FIREFOX;
import static support.Footfall.eventually;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.redis.client.Redis;
import jakarta.inject.Inject;
import support.Account;
import support.Footfall;
import support.SiteKeys;

/** The sites pages through real forms: add, snippet and first hit, sites list, exclusions, share link, delete. */
@QuarkusTest
class SitePagesTest {

    @Inject
    Redis redis;

    static String addSite(Account account, String label) {
        String site = Footfall.uniqueDomain(label);
        account.post("/sites", "domain", "https://www." + site.toUpperCase() + "/", "timezone", "Europe/Berlin")
                .then().statusCode(303).header("Location", containsString("/" + site + "/settings"));
        eventually(() -> !"unknown-site".equals(Footfall.hit(site, "https://" + site + Footfall.PROBE, CHROME,
                "192.0.2.250").header("X-Footfall-Dropped")));
        return site;
    }

    /** Page views of the last 12 months, from the Stats API with the owner's session. */
    static long apiPageviews(Account owner, String site) {
        return owner.request().queryParam("site_id", site).queryParam("period", "12mo")
                .queryParam("metrics", "pageviews").get("/api/v1/stats/aggregate").then().extract().jsonPath()
                .getLong("results.pageviews.value");
    }

    @Test
    void addingASiteNormalisesTheDomainAndRefusesDuplicatesClearly() {
        Account account = Account.signUp("adder");
        String site = Footfall.uniqueDomain("added");
        account.post("/sites", "domain", "https://www." + site.toUpperCase() + "/", "timezone", "Asia/Kolkata")
                .then().statusCode(303);
        assertEquals(1, Footfall.rows("SELECT COUNT(*) FROM sites WHERE domain = ? AND timezone = 'Asia/Kolkata'",
                site));
        account.post("/sites", "domain", site, "timezone", "UTC").then().statusCode(409)
                .body(containsString(site + " is already registered in Footfall."));
        account.post("/sites", "domain", "not a domain", "timezone", "UTC").then().statusCode(400)
                .body(containsString("is not a valid domain"));
        account.post("/sites", "domain", Footfall.uniqueDomain("zone"), "timezone", "Mars/Olympus").then()
                .statusCode(400).body(containsString("not a known IANA time zone"));
        String form = account.request().get("/sites/new").then().statusCode(200).extract().asString();
        assertTrue(form.contains("<option>Europe/Paris</option>") && form.contains("data-use-browser"), form);
    }

    @Test
    void theSettingsPageShowsTheSnippetAndTellsWhenTheFirstPageViewArrives() {
        Account account = Account.signUp("snippet");
        String site = addSite(account, "first");
        String page = account.request().get("/" + site + "/settings").then().statusCode(200).extract().asString();
        assertTrue(page.contains("&lt;script defer data-domain=\"" + site + "\" src=\"http://localhost:"), page);
        assertTrue(page.contains("/js/script.js\"&gt;&lt;/script&gt;"), page);
        // the probe hits of addSite were in the stream already: a fresh owner sees them as the first page view
        eventually(() -> account.request().get("/" + site + "/settings/status").then().statusCode(200).extract()
                .jsonPath().getBoolean("receiving"));
        String after = account.request().get("/" + site + "/settings").then().extract().asString();
        assertTrue(after.contains("Page views are arriving"), after);
    }

    @Test
    void theStatusStaysWaitingUntilAHitArrives() {
        Account account = Account.signUp("waiting");
        String site = Footfall.uniqueDomain("quiet");
        account.post("/sites", "domain", site, "timezone", "UTC").then().statusCode(303);
        assertFalse(account.request().get("/" + site + "/settings/status").then().statusCode(200).extract()
                .jsonPath().getBoolean("receiving"));
        assertTrue(account.request().get("/" + site + "/settings").then().extract().asString()
                .contains("Waiting for the first page view"));
    }

    @Test
    void theSitesPageShowsVisitorsOfTheLast24HoursAndATrendLine() {
        Account account = Account.signUp("lister");
        String site = addSite(account, "listed");
        Footfall.pageview(site, "/", CHROME, "198.51.100.21");
        Footfall.pageview(site, "/a", CHROME, "198.51.100.21");
        Footfall.pageview(site, "/", FIREFOX, "198.51.100.22");
        eventually(() -> apiPageviews(account, site) == 4); // with the probe
        String html = account.request().get("/").then().statusCode(200).extract().asString();
        // probe (visitor of 192.0.2.250) + two visitors
        assertTrue(html.contains("<strong class=\"visitors-24h\">3</strong>"), html);
        assertTrue(html.contains("<svg class=\"spark\""), html);
        assertTrue(html.contains("href=\"/" + site + "/settings\""), html);
    }

    @Test
    void excludedAddressesAreDroppedByIngest() {
        Account account = Account.signUp("excluder");
        String site = addSite(account, "excluded");
        account.post("/" + site + "/settings/exclusions", "exclusions", "not-an-ip").then().statusCode(400)
                .body(containsString("not an IP address or CIDR range"));
        account.post("/" + site + "/settings/exclusions", "exclusions", "203.0.113.0/24\n2001:db8::1").then()
                .statusCode(303);
        assertEquals(1, Footfall.rows("SELECT COUNT(*) FROM sites WHERE domain = ? AND excluded_ips = ?", site,
                "203.0.113.0/24,2001:db8::1"));
        eventually(() -> "excluded".equals(Footfall.hit(site, "https://" + site + "/me", CHROME, "203.0.113.9")
                .header("X-Footfall-Dropped")));
        assertEquals("excluded", Footfall.hit(site, "https://" + site + "/me", CHROME, "2001:db8::1")
                .header("X-Footfall-Dropped"));
        Footfall.pageview(site, "/visitor", CHROME, "198.51.100.30");
        eventually(() -> Footfall.rows("SELECT COUNT(*) FROM page_views WHERE site = ? AND path = '/visitor'",
                site) == 1);
        assertEquals(0, Footfall.rows("SELECT COUNT(*) FROM page_views WHERE site = ? AND path = '/me'", site));
    }

    @Test
    void aShareLinkShowsTheDashboardWithoutLoginCanBeEmbeddedAndRevoked() {
        Account account = Account.signUp("sharer");
        String site = addSite(account, "shared");
        Footfall.pageview(site, "/pricing", CHROME, "198.51.100.40");
        eventually(() -> apiPageviews(account, site) == 2);
        account.post("/" + site + "/settings/share").then().statusCode(303);
        String settings = account.request().get("/" + site + "/settings").then().extract().asString();
        String link = settings.replaceAll("(?s).*id=\"share-url\" class=\"copyable\">([^<]+)<.*", "$1");
        String path = link.substring(link.indexOf("/share/"));
        assertTrue(path.length() > "/share/".length() + 20, "an unguessable token: " + path);

        Response shared = given().redirects().follow(false).queryParam("period", "12mo").get(path);
        assertEquals(200, shared.statusCode());
        assertTrue(shared.asString().contains("id=\"pageviews\">2<"), shared.asString());
        assertTrue(shared.asString().contains("/pricing"));
        assertFalse(shared.asString().contains("/settings"), "no owner links on a shared dashboard");
        assertNull(shared.header("X-Frame-Options"));
        assertTrue(shared.header("Content-Security-Policy").contains("frame-ancestors *"));

        account.post("/" + site + "/settings/share/revoke").then().statusCode(303);
        given().redirects().follow(false).get(path).then().statusCode(404);
        given().redirects().follow(false).get("/share/not-a-real-token-at-all-000000").then().statusCode(404);
    }

    @Test
    void deletingASiteNeedsItsDomainTypedThenDropsItsDataAndHits() {
        Account account = Account.signUp("deleter");
        String site = addSite(account, "doomed");
        eventually(() -> apiPageviews(account, site) == 1);
        account.post("/" + site + "/settings/delete", "confirm", "something else").then().statusCode(400)
                .body(containsString("Type " + site + " to confirm"));
        assertEquals(1, Footfall.rows("SELECT COUNT(*) FROM sites WHERE domain = ?", site));

        account.post("/" + site + "/settings/delete", "confirm", site).then().statusCode(303);
        assertEquals(0, Footfall.rows("SELECT COUNT(*) FROM sites WHERE domain = ?", site));
        account.request().get("/" + site).then().statusCode(404);
        assertFalse(account.request().get("/").then().extract().asString().contains(site));
        eventually(() -> "unknown-site".equals(Footfall.hit(site, "https://" + site + "/after", CHROME,
                "198.51.100.50").header("X-Footfall-Dropped")));
        // the read model drops the site's keys (all of its generations) when it reads SiteRemoved
        eventually(() -> SiteKeys.of(redis, site, "g*").isEmpty());
        // added again, it starts from nothing: the old read model is gone
        account.post("/sites", "domain", site, "timezone", "UTC").then().statusCode(303);
        assertFalse(account.request().get("/" + site + "/settings/status").then().extract().jsonPath()
                .getBoolean("receiving"));
    }

    @Test
    void pathsAreRenderedAsTextAndPagesCarrySecurityHeaders() {
        Account account = Account.signUp("escaper");
        String site = addSite(account, "escaped");
        // as a browser sends them: percent-encoded in the URL, decoded into the stored path
        Footfall.pageview(site, "/%3Cscript%3Ealert(1)%3C/script%3E", CHROME, "198.51.100.60");
        Footfall.pageview(site, "/'%3E%3Cimg/src=x/onerror=alert(2)%3E", CHROME, "198.51.100.60");
        eventually(() -> apiPageviews(account, site) == 3);
        Response dashboard = account.request().queryParam("period", "12mo").get("/" + site);
        String html = dashboard.then().statusCode(200).extract().asString();
        assertTrue(html.contains("/&lt;script&gt;alert(1)&lt;/script&gt;"), html);
        assertFalse(html.contains("<script>alert(1)"), html);
        assertTrue(html.contains("&gt;&lt;img/src=x/onerror=alert(2)&gt;"), html);
        assertFalse(html.contains("<img/src"), html);

        String csp = dashboard.header("Content-Security-Policy");
        assertTrue(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"), csp);
        assertTrue(csp.contains("frame-ancestors 'none'"), csp);
        assertEquals("DENY", dashboard.header("X-Frame-Options"));
        assertEquals("nosniff", dashboard.header("X-Content-Type-Options"));
        assertEquals("same-origin", dashboard.header("Referrer-Policy"));
        assertFalse(html.matches("(?s).*<script>.*"), "no inline scripts");
        // the public parts stay open to every origin
        given().get("/js/script.js").then().statusCode(200).header("Access-Control-Allow-Origin", "*");
        Footfall.hit(site, "https://" + site + "/", CHROME, "198.51.100.61").then().statusCode(202)
                .header("Access-Control-Allow-Origin", "*");
    }
}
