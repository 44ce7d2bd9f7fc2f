package ingest.store;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static support.Footfall.CHROME;
import static support.Footfall.createSiteAndWait;
import static support.Footfall.eventually;
import static support.Footfall.pageViewRows;
import static support.Footfall.rows;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import support.Footfall;
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
        long failedBefore = rows("SELECT COUNT(*) FROM failed_jobs");

        // the "bug": a constraint that this site's new rows violate
        sql("ALTER TABLE page_views ADD CONSTRAINT ff_test_broken CHECK (site <> '" + site + "' OR path = '"
                + Footfall.PROBE + "')");
        for (int i = 0; i < 3; i++) {
            Footfall.pageview(site, "/broken-" + i, CHROME, "192.0.2." + (60 + i));
        }
        eventually(() -> rows("SELECT COUNT(*) FROM failed_jobs") == failedBefore + 3);
        assertEquals(0, pageViewRows(site));
        given().auth().oauth2(Footfall.ADMIN_KEY).when().get("/api/v1/admin/failed-jobs?limit=1000")
                .then().statusCode(200).body("error", org.hamcrest.Matchers.hasItem(containsString("ff_test_broken")))
                .body("attempts", org.hamcrest.Matchers.hasItem(3));

        sql("ALTER TABLE page_views DROP CONSTRAINT ff_test_broken");
        given().auth().oauth2(Footfall.ADMIN_KEY).when().post("/api/v1/admin/failed-jobs/replay")
                .then().statusCode(200).body("replayed", equalTo((int) (failedBefore + 3)));
        eventually(() -> pageViewRows(site) == 3);
        assertEquals(0, rows("SELECT COUNT(*) FROM failed_jobs"));
        eventually(() -> Footfall.stats("aggregate", "site_id", site, "period", "day", "metrics", "pageviews")
                .then().statusCode(200).extract().jsonPath().getLong("results.pageviews.value") == 3);
    }

    @Test
    void onlyAdminsSeeFailedJobs() {
        given().when().get("/api/v1/admin/failed-jobs").then().statusCode(401);
    }

    private void sql(String statement) throws SQLException {
        try (Connection connection = db.getConnection(); Statement st = connection.createStatement()) {
            st.execute(statement);
        }
    }
}
