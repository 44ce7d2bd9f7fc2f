import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The naive design, timed: the dashboard's questions asked of page_views with SQL, using the
 * table's (site, ts) index, for the same local periods as the Stats API calls.
 *
 * Usage: java -cp mysql-connector-j.jar bench/Naive.java JDBC_URL SITE ZONE RUNS TIMEOUT_SECONDS PERIOD...
 * PERIOD: day:YYYY-MM-DD (that local day), 7d, 30d, 12mo (ending today, like the Stats API).
 * Prints per period and query: "NAIVE period query median min max rows plan" (ms; a query
 * stopped at the timeout counts as the timeout and is marked with '>'; one the server failed five
 * times is printed as "nan").
 */
public class Naive {

    static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
    static final Map<String, String> QUERIES = new LinkedHashMap<>();
    static {
        QUERIES.put("count", "SELECT COUNT(*) FROM page_views WHERE site = ? AND ts >= ? AND ts < ?");
        QUERIES.put("distinct", "SELECT COUNT(DISTINCT visitor) FROM page_views WHERE site = ? AND ts >= ? AND ts < ?");
        QUERIES.put("toppages", "SELECT path, COUNT(*) AS views FROM page_views WHERE site = ? AND ts >= ? AND ts < ?"
                + " GROUP BY path ORDER BY views DESC LIMIT 10");
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String site = args[1];
        ZoneId zone = ZoneId.of(args[2]);
        int runs = Integer.parseInt(args[3]);
        int timeout = Integer.parseInt(args[4]);
        List<String> periods = Arrays.asList(args).subList(5, args.length);
        LocalDate today = LocalDate.now(zone);
        Map<String, double[]> took = new LinkedHashMap<>();
        Map<String, Boolean> stopped = new LinkedHashMap<>();
        Map<String, String> failed = new LinkedHashMap<>();
        Map<String, String> answers = new LinkedHashMap<>();
        Map<String, String> plans = new LinkedHashMap<>();
        try (Connection db = DriverManager.getConnection(url)) {
            for (String period : periods) {
                String[] range = range(period, today, zone);
                for (var q : QUERIES.entrySet()) {
                    plans.put(label(period) + " " + q.getKey(), explain(db, q.getValue(), site, range));
                }
            }
            for (int run = 0; run < runs; run++) {
                for (String period : periods) {
                    String[] range = range(period, today, zone);
                    for (var q : QUERIES.entrySet()) {
                        String key = label(period) + " " + q.getKey();
                        took.computeIfAbsent(key, k -> new double[runs]);
                        for (int attempt = 1; ; attempt++) {
                            long t0 = System.nanoTime();
                            try (PreparedStatement s = db.prepareStatement(q.getValue())) {
                                s.setQueryTimeout(timeout);
                                s.setString(1, site);
                                s.setString(2, range[0]);
                                s.setString(3, range[1]);
                                try (ResultSet rs = s.executeQuery()) {
                                    rs.next();
                                    answers.put(key, rs.getString(q.getKey().equals("toppages") ? 2 : 1));
                                }
                                took.get(key)[run] = (System.nanoTime() - t0) / 1e6;
                                break;
                            } catch (SQLTimeoutException e) {
                                took.get(key)[run] = timeout * 1000.0;
                                stopped.put(key, true);
                                break;
                            } catch (SQLException e) {
                                // the server failed the query (seen: its temporary table vanished from /tmp): up to five times
                                System.err.printf("naive run %d %s: attempt %d failed: %s%n", run + 1, key, attempt,
                                        e.getMessage());
                                if (attempt == 5) {
                                    took.get(key)[run] = Double.NaN;
                                    failed.put(key, e.getMessage());
                                    break;
                                }
                            }
                        }
                        System.err.printf("naive run %d %s: %.0f ms%n", run + 1, key, took.get(key)[run]);
                    }
                }
            }
        }
        for (var e : took.entrySet()) {
            if (failed.containsKey(e.getKey())) {
                System.out.printf("NAIVE %s nan nan nan failed: %s%n", e.getKey(), failed.get(e.getKey()).replace(' ', '_'));
                continue;
            }
            double[] v = e.getValue().clone();
            Arrays.sort(v);
            double median = v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
            String mark = stopped.getOrDefault(e.getKey(), false) ? ">" : "";
            System.out.printf("NAIVE %s %s%.1f %.1f %.1f %s %s%n", e.getKey(), mark, median, v[0], v[v.length - 1],
                    answers.getOrDefault(e.getKey(), "-"), plans.get(e.getKey()));
        }
    }

    static String label(String period) {
        return period.startsWith("day:") ? "day" : period;
    }

    /** [from, to) in UTC for a local period, the same days the Stats API covers. */
    static String[] range(String period, LocalDate today, ZoneId zone) {
        LocalDate from;
        LocalDate to;
        if (period.startsWith("day:")) {
            from = LocalDate.parse(period.substring(4));
            to = from;
        } else if (period.equals("7d")) {
            from = today.minusDays(6);
            to = today;
        } else if (period.equals("30d")) {
            from = today.minusDays(29);
            to = today;
        } else if (period.equals("12mo")) {
            from = YearMonth.from(today).minusMonths(11).atDay(1);
            to = YearMonth.from(today).atEndOfMonth();
        } else {
            throw new IllegalArgumentException("unknown period " + period);
        }
        return new String[] {utc(from, zone), utc(to.plusDays(1), zone)};
    }

    static String utc(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).withZoneSameInstant(ZoneOffset.UTC).format(TS);
    }

    /** The access path MySQL chose: type/key/rows of EXPLAIN, for the record. */
    static String explain(Connection db, String sql, String site, String[] range) throws SQLException {
        try (PreparedStatement s = db.prepareStatement("EXPLAIN " + sql)) {
            s.setString(1, site);
            s.setString(2, range[0]);
            s.setString(3, range[1]);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return "type=" + rs.getString("type") + ",key=" + rs.getString("key") + ",rows=" + rs.getString("rows")
                        + ",extra=" + String.valueOf(rs.getString("Extra")).replace(' ', '_');
            }
        }
    }
}
