package faults;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The check every fault test ends with: the hits answered 202, the rows in page_views and the numbers
 * of the Stats API. Nothing acknowledged may be missing; nothing may be stored, published or counted twice.
 */
final class ThreeWayCheck {

    record Report(int acknowledged, int unknownOutcome, Map<LoadResult.Outcome, Integer> storedWithoutAcknowledgement,
            long rows, long published, List<FootfallApi.Totals> stats, long topPageViews) {
    }

    private ThreeWayCheck() {
    }

    /**
     * @param publishedBefore events on the stream before the load began (the probes of other sites)
     */
    static Report verify(String test, LoadResult load, String site, PrivateMariaDb db, RedisView redis,
            long publishedBefore, List<FootfallApi> apis) throws SQLException {
        redis.awaitDrained(Duration.ofSeconds(90));
        List<String> problems = new ArrayList<>();

        Map<Integer, Integer> rowsBySeq = rowsBySeq(db, site, problems);
        long rows = rowsBySeq.values().stream().mapToLong(Integer::intValue).sum();
        int acknowledged = 0;
        List<Integer> missing = new ArrayList<>();
        for (int seq = 0; seq < load.sent(); seq++) {
            if (load.outcome(seq) == LoadResult.Outcome.ACKNOWLEDGED) {
                acknowledged++;
                if (!rowsBySeq.containsKey(seq)) {
                    missing.add(seq);
                }
            }
        }
        List<String> doubled = new ArrayList<>();
        List<String> storedButRefused = new ArrayList<>();
        Map<LoadResult.Outcome, Integer> storedWithoutAck = new EnumMap<>(LoadResult.Outcome.class);
        for (Map.Entry<Integer, Integer> row : rowsBySeq.entrySet()) {
            LoadResult.Outcome outcome = load.outcome(row.getKey());
            if (row.getValue() > 1) {
                doubled.add("/h/" + row.getKey() + " x" + row.getValue());
            }
            if (outcome != LoadResult.Outcome.ACKNOWLEDGED) {
                storedWithoutAck.merge(outcome == null ? LoadResult.Outcome.NOT_DELIVERED : outcome, 1, Integer::sum);
                if (outcome == null || !outcome.unknown()) {
                    storedButRefused.add("/h/" + row.getKey() + " (" + load.describe(row.getKey()) + ")");
                }
            }
        }
        check(problems, missing.isEmpty(), missing.size() + " acknowledged hits have no row, e.g. " + first(missing));
        check(problems, doubled.isEmpty(), doubled.size() + " pages stored more than once, e.g. " + first(doubled));
        check(problems, storedButRefused.isEmpty(), storedButRefused.size()
                + " hits stored although their answer said they were not taken, e.g. " + first(storedButRefused));

        long published = redis.published() - publishedBefore;
        check(problems, published == rows, "page-view stream has " + published + " events for " + rows + " rows");

        long visitors = distinctVisitors(db, site);
        List<FootfallApi.Totals> stats = new ArrayList<>();
        long topPageViews = -1;
        for (FootfallApi api : apis) {
            FootfallApi.Totals totals = api.totals(site);
            stats.add(totals);
            check(problems, totals.pageviews() == rows, api.base() + " Stats API says " + totals.pageviews()
                    + " pageviews for " + rows + " rows");
            check(problems, Math.abs(totals.visitors() - visitors) <= Math.max(2, visitors / 50), api.base()
                    + " Stats API says " + totals.visitors() + " visitors for " + visitors + " distinct in MySQL");
            JsonNode top = api.topPage(site);
            topPageViews = top.path("pageviews").asLong(-1);
            check(problems, topPageViews == 1, api.base() + " top page " + top + " was counted more than once");
        }

        int unknown = 0;
        for (LoadResult.Outcome outcome : LoadResult.Outcome.values()) {
            unknown += outcome.unknown() ? load.count(outcome) : 0;
        }
        Report report = new Report(acknowledged, unknown, storedWithoutAck, rows, published, stats, topPageViews);
        System.out.printf("[%s] answers by time:%n%s[%s] %s%n[%s] %s%n", test, load.timeline(2), test, load, test,
                report);
        if (!problems.isEmpty()) {
            throw new AssertionError(test + ": " + String.join("; ", problems) + " (" + report + ")");
        }
        return report;
    }

    private static Map<Integer, Integer> rowsBySeq(PrivateMariaDb db, String site, List<String> problems)
            throws SQLException {
        Map<Integer, Integer> rows = new HashMap<>();
        try (Connection connection = db.connect();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT path, COUNT(*) FROM page_views WHERE site = ? GROUP BY path")) {
            query.setString(1, site);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    String path = result.getString(1);
                    if (!path.startsWith("/h/")) {
                        problems.add("a row with a path the load never sent: " + path);
                        continue;
                    }
                    rows.put(Integer.parseInt(path.substring(3)), result.getInt(2));
                }
            }
        }
        return rows;
    }

    static long rows(PrivateMariaDb db, String site) throws SQLException {
        return single(db, "SELECT COUNT(*) FROM page_views WHERE site = ?", site);
    }

    private static long distinctVisitors(PrivateMariaDb db, String site) throws SQLException {
        return single(db, "SELECT COUNT(DISTINCT visitor) FROM page_views WHERE site = ?", site);
    }

    private static long single(PrivateMariaDb db, String sql, String site) throws SQLException {
        try (Connection connection = db.connect(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, site);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    private static void check(List<String> problems, boolean ok, String problem) {
        if (!ok) {
            problems.add(problem);
        }
    }

    private static String first(List<?> items) {
        return items.subList(0, Math.min(5, items.size())).toString();
    }
}
