package support;

import static io.restassured.RestAssured.given;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** What tests do to Footfall from the outside: the real HTTP API, and MySQL to compare with. */
public final class Footfall {

    public static final String ADMIN_KEY = "test-admin-key-0123456789abcdef";
    public static final String ADMIN_EMAIL = "admin@footfall.test";
    public static final String ADMIN_PASSWORD = "correct horse battery staple";
    public static final String CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/124.0.0.0 Safari/537.36";
    public static final String FIREFOX = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:125.0) Gecko/20100101 "
            + "Firefox/125.0";
    public static final String IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 "
            + "(KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1";
    public static final String PROBE = "/__probe";

    private Footfall() {
    }

    /** A fresh domain per test, so tests never see each other's numbers. */
    public static String uniqueDomain(String label) {
        return label + "-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
    }

    public static void createSite(String domain, String timezone) {
        given().auth().oauth2(ADMIN_KEY).contentType(ContentType.JSON)
                .body(Map.of("domain", domain, "timezone", timezone))
                .when().post("/api/v1/sites")
                .then().statusCode(201);
    }

    /**
     * Creates a site and waits until ingest accepts hits for it (it learns of sites from
     * SiteRegistered). The probe hits are sent "in 2001", far from any period a test looks at.
     */
    public static void createSiteAndWait(String domain, String timezone, TestClock clock) {
        createSite(domain, timezone);
        Instant before = clock.fixed();
        clock.set(Instant.parse("2001-01-01T12:00:00Z"));
        try {
            eventually(() -> !"unknown-site".equals(hit(domain, "https://" + domain + PROBE, CHROME, "192.0.2.250")
                    .header("X-Footfall-Dropped")));
        } finally {
            clock.set(before);
        }
    }

    public static Response hit(String domain, String url, String userAgent, String ip) {
        return given().header("User-Agent", userAgent).header("X-Forwarded-For", ip).contentType("text/plain")
                .body("{\"n\":\"pageview\",\"u\":\"" + url + "\",\"d\":\"" + domain + "\",\"r\":null,\"w\":1280}")
                .when().post("/api/event");
    }

    public static void pageview(String domain, String path, String userAgent, String ip) {
        Response response = hit(domain, "https://" + domain + path, userAgent, ip);
        if (response.statusCode() != 202 || response.header("X-Footfall-Dropped") != null) {
            throw new AssertionError("hit was not accepted: " + response.statusCode() + " "
                    + response.header("X-Footfall-Dropped"));
        }
    }

    public static long rows(String sql, Object... args) {
        try (Connection db = DriverManager.getConnection(jdbcUrl(), "root", "");
                PreparedStatement query = db.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                query.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The test database as configured (footfall_test, or what -D%test.quarkus.datasource.jdbc.url says). */
    static String jdbcUrl() {
        return ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
    }

    public static long pageViewRows(String domain) {
        return rows("SELECT COUNT(*) FROM page_views WHERE site = ? AND path <> ?", domain, PROBE);
    }

    public static void eventually(Callable<Boolean> condition) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(condition);
    }

    public static Response stats(String path, Object... params) {
        var request = given().auth().oauth2(ADMIN_KEY);
        for (int i = 0; i + 1 < params.length; i += 2) {
            request = request.queryParam((String) params[i], params[i + 1]);
        }
        return request.when().get("/api/v1/stats/" + path);
    }
}
