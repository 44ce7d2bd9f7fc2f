package faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Three replicas started in the same second on a new MariaDB and a new Redis, five times: every one
 * gets ready (none loses a start-up race and exits), the admin user and its API key exist once, the
 * schema is migrated once, and hits sent to all three are stored and counted exactly.
 */
class ConcurrentStartIT {

    private static final int ROUNDS = 5;

    @Test
    void threeReplicasStartingTogetherOnEmptyStoresAllComeUpAndAgree() throws Exception {
        for (int round = 1; round <= ROUNDS; round++) {
            try (FaultStack stack = new FaultStack("concurrent-start-" + round).start()) {
                startTogetherAndCheck(stack, round);
            }
        }
    }

    private static void startTogetherAndCheck(FaultStack stack, int round) throws Exception {
        List<FootfallProcess> replicas = List.of(stack.footfall("replica-a"), stack.footfall("replica-b"),
                stack.footfall("replica-c"));
        long launched = System.nanoTime();
        replicas.forEach(FootfallProcess::launch);
        long launchMillis = (System.nanoTime() - launched) / 1_000_000;
        assertTrue(launchMillis < 1_000, "the three replicas were not started within one second: " + launchMillis + " ms");
        replicas.forEach(FootfallProcess::awaitReady);
        replicas.forEach(r -> assertTrue(r.alive(), r.name() + " exited:\n" + r.logTail(40)));

        String where = "round " + round;
        assertEquals(1, count(stack, "SELECT COUNT(*) FROM users"), where + ": admin users");
        assertEquals(1, count(stack, "SELECT COUNT(*) FROM users WHERE admin AND email = '"
                + FootfallProcess.ADMIN_EMAIL + "'"), where + ": the configured admin");
        assertEquals(1, count(stack, "SELECT COUNT(*) FROM api_keys WHERE revoked_at IS NULL"), where + ": API keys");
        assertEquals(0, count(stack, "SELECT COUNT(*) FROM flyway_schema_history WHERE NOT success"),
                where + ": failed migrations");
        assertEquals(count(stack, "SELECT COUNT(DISTINCT version) FROM flyway_schema_history WHERE version IS NOT NULL"),
                count(stack, "SELECT COUNT(*) FROM flyway_schema_history WHERE version IS NOT NULL"),
                where + ": a migration applied twice");
        assertEquals(1, stack.redis().cli("XINFO", "GROUPS", "ff:{p0}:queue").lines()
                .filter(line -> line.equals("writers")).count(), where + ": the queue's writer group");

        List<FootfallApi> apis = replicas.stream().map(r -> new FootfallApi(r.baseUrl())).toList();
        FaultStack.LoadSite site = stack.newSite(apis);
        LoadResult result = new LoadGenerator(replicas.stream().map(FootfallProcess::baseUrl).toList(), site.domain(),
                100, 300, Duration.ofSeconds(10), Duration.ofSeconds(5)).start().awaitEnd();
        // every acknowledged hit stored once and counted once on all three (ThreeWayCheck); a loaded machine
        // may answer a few hits 503 after the enqueue timeout, which the check accounts for
        ThreeWayCheck.Report report = ThreeWayCheck.verify("concurrent-start-" + round, result, site.domain(),
                stack.db(), stack.redisView(), site.publishedBefore(), apis);
        assertTrue(report.acknowledged() >= 200, where + ": too little load to prove anything: " + report);
        assertEquals(3, report.stats().size());
        report.stats().forEach(totals -> assertEquals(report.rows(), totals.pageviews(), where + ": " + report));
        assertEquals(1, stack.redis().cli("--scan", "--pattern", "ff:*salt*").lines().filter(l -> !l.isBlank())
                .count(), where + ": one daily salt for the three replicas");
    }

    private static long count(FaultStack stack, String sql) throws SQLException {
        try (Connection connection = stack.db().connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
