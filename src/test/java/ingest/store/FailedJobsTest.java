package ingest.store;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static support.Footfall.CHROME;
import static support.Footfall.createSiteAndWait;
import static support.Footfall.eventually;
import static support.Footfall.pageViewRows;
import static support.Footfall.rows;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import support.Account;
import support.Footfall;
import support.PageViews;
import support.TestClock;

/**
 * A bug that makes every insert fail (here: a constraint the rows violate) sends the hits to
 * failed_jobs instead of losing them; once the bug is fixed, a replay stores each exactly once.
 */
@QuarkusTest
class FailedJobsTest {

    @Inject
    TestClock clock;
    @Inject
    DataSource db;
    @Inject
    ObjectMapper json;

    @AfterEach
    void restore() throws SQLException {
        clock.set(null);
        sql("ALTER TABLE page_views DROP CONSTRAINT IF EXISTS ff_test_broken");
    }

    @Test
    void failingRowsAreSetAsideAndReplayedAfterTheFix() throws SQLException {
        String site = Footfall.uniqueDomain("failing");
        createSiteAndWait(site, "UTC", clock);
        eventually(() -> pageViewRows(site) == 0 && rows("SELECT COUNT(*) FROM page_views WHERE site = ?", site) == 1);
        assertEquals(0, failedJobsOf(site));

        // the "bug": a constraint that this site's new rows violate
        sql("ALTER TABLE page_views ADD CONSTRAINT ff_test_broken CHECK (site <> '" + site + "' OR path = '"
                + Footfall.PROBE + "')");
        for (int i = 0; i < 3; i++) {
            Footfall.pageview(site, "/broken-" + i, CHROME, "192.0.2." + (60 + i));
        }
        eventually(() -> failedJobsOf(site) == 3);
        assertEquals(0, pageViewRows(site));
        given().auth().oauth2(Footfall.ADMIN_KEY).when().get("/api/v1/admin/failed-jobs?limit=1000")
                .then().statusCode(200).body("error", org.hamcrest.Matchers.hasItem(containsString("ff_test_broken")))
                .body("attempts", org.hamcrest.Matchers.hasItem(3));

        sql("ALTER TABLE page_views DROP CONSTRAINT ff_test_broken");
        // the replay takes every row, other tests' too: this test's three are counted by their site
        given().auth().oauth2(Footfall.ADMIN_KEY).when().post("/api/v1/admin/failed-jobs/replay")
                .then().statusCode(200).body("replayed", greaterThanOrEqualTo(3));
        eventually(() -> pageViewRows(site) == 3);
        assertEquals(0, failedJobsOf(site));
        // the last 24 hours, not "day": the hits are seconds old, whatever the time of day
        eventually(() -> Footfall.stats("aggregate", "site_id", site, "period", "24h", "metrics", "pageviews")
                .then().statusCode(200).extract().jsonPath().getLong("results.pageviews.value") == 3);
    }

    @Test
    void onlyAdminsSeeFailedJobs() throws Exception {
        given().when().get("/api/v1/admin/failed-jobs").then().statusCode(401);

        // a failed job that a replay would put back on the queue and delete
        String site = Footfall.uniqueDomain("not-replayed");
        String ref = UUID.randomUUID().toString();
        String payload = json.writeValueAsString(PageViews.pageView(ref, site, Instant.now(), "/", 1L));
        try (Connection connection = db.getConnection(); PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO failed_jobs (source, ref, payload, error, attempts, failed_at)"
                        + " VALUES ('ingest', ?, ?, 'planted by FailedJobsTest', 3, UTC_TIMESTAMP(3))")) {
            insert.setString(1, ref);
            insert.setString(2, payload);
            insert.executeUpdate();
        }
        try {
            String before = failedJob(ref);
            Account user = Account.signUp("not-admin");
            String key = user.post("/settings/keys", "name", "not an admin's key").then().statusCode(200).extract()
                    .asString().replaceAll("(?s).*id=\"new-key\" class=\"copyable\">(ff_[A-Za-z0-9_-]+)<.*", "$1");
            assertTrue(key.startsWith("ff_"), key);
            List<Integer> statuses = List.of(
                    user.request().get("/api/v1/admin/failed-jobs").statusCode(),
                    user.request().header("X-Footfall-CSRF", user.token("/settings"))
                            .post("/api/v1/admin/failed-jobs/replay").statusCode(),
                    given().auth().oauth2(key).get("/api/v1/admin/failed-jobs").statusCode(),
                    given().auth().oauth2(key).post("/api/v1/admin/failed-jobs/replay").statusCode());
            assertEquals(before, failedJob(ref), "a non-admin's replay changed failed_jobs");
            assertEquals(0, rows("SELECT COUNT(*) FROM page_views WHERE site = ?", site));
            assertTrue(statuses.stream().allMatch(status -> status == 403 || status == 404),
                    "a non-admin's list, replay (session, then API key): " + statuses);
        } finally {
            sql("DELETE FROM failed_jobs WHERE source = 'ingest' AND ref = '" + ref + "'");
        }
    }

    /** This site's hits in failed_jobs (the site is unique to the test, and in every payload). */
    private static long failedJobsOf(String site) {
        return rows("SELECT COUNT(*) FROM failed_jobs WHERE source = 'ingest' AND payload LIKE ?",
                "%\"" + site + "\"%");
    }

    /** The failed job's row as it stands: how many rows have the ref (0 once replayed), their attempts and id. */
    private static String failedJob(String ref) {
        return rows("SELECT COUNT(*) FROM failed_jobs WHERE ref = ?", ref) + " row, attempts "
                + rows("SELECT COALESCE(SUM(attempts), 0) FROM failed_jobs WHERE ref = ?", ref) + ", id "
                + rows("SELECT COALESCE(MAX(id), 0) FROM failed_jobs WHERE ref = ?", ref);
    }

    private void sql(String statement) throws SQLException {
        try (Connection connection = db.getConnection(); Statement st = connection.createStatement()) {
            st.execute(statement);
        }
    }
}
