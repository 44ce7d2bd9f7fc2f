import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates the benchmark data set and bulk-loads it into page_views with LOAD DATA LOCAL INFILE,
 * chunk by chunk, the generator feeding each chunk through a pipe while MySQL reads it.
 *
 * Usage: java -cp mysql-connector-j.jar bench/Load.java JDBC_URL SITE ZONE ROWS DAYS PATHS VISITORS_PER_DAY CHUNK_ROWS SEED
 * Prints one line per chunk: "chunk <rows> <millis>", then "total <rows> <millis> <distinct-days>".
 *
 * The data: ROWS page views in ts order over the last DAYS local days of ZONE up to now, with a
 * daily rhythm (busier afternoons, quieter weekends); PATHS paths with Zipf popularity (s = 1);
 * a pool of VISITORS_PER_DAY random visitor ids per local day (ids are not reused across days,
 * like the product's daily salt), each visitor with one browser/OS/device; a referrer mix; 5 %
 * with UTM tags. event_id is a UUIDv7 of the timestamp, as the product makes them.
 */
public class Load {

    static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    /** browser, os, device, weight (share of visitors in percent). */
    static final String[][] AGENTS = {
            {"Chrome", "Windows", "Desktop", "30"}, {"Chrome Mobile", "Android", "Mobile", "20"},
            {"Mobile Safari", "iOS", "Mobile", "17"}, {"Safari", "Mac OS X", "Desktop", "7"},
            {"Edge", "Windows", "Desktop", "8"}, {"Firefox", "Windows", "Desktop", "5"},
            {"Chrome", "Mac OS X", "Desktop", "5"}, {"Samsung Internet", "Android", "Mobile", "3"},
            {"Mobile Safari", "iOS", "Tablet", "2"}, {"Firefox", "Linux", "Desktop", "2"},
            {"Chrome", "Linux", "Desktop", "1"}};

    /** referrer host (null = direct or internal), weight in per mille. */
    static final String[] REFERRERS = {null, "google.com", "bing.com", "duckduckgo.com", "t.co",
            "news.ycombinator.com", "reddit.com", "github.com", "linkedin.com", "facebook.com"};
    static final int[] REFERRER_WEIGHTS = {550, 200, 30, 30, 40, 30, 30, 30, 20, 20};
    static final int LONG_TAIL_REFERRERS = 50; // the remaining 20 per mille: blog-N.example

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String site = args[1];
        ZoneId zone = ZoneId.of(args[2]);
        long rows = Long.parseLong(args[3]);
        int days = Integer.parseInt(args[4]);
        int paths = Integer.parseInt(args[5]);
        int visitorsPerDay = Integer.parseInt(args[6]);
        long chunkRows = Long.parseLong(args[7]);
        long seed = Long.parseLong(args[8]);

        Data data = new Data(site, zone, rows, days, paths, visitorsPerDay, seed);
        long started = System.nanoTime();
        long loaded = 0;
        try (Connection db = DriverManager.getConnection(url)) {
            while (loaded < rows) {
                long n = Math.min(chunkRows, rows - loaded);
                long t0 = System.nanoTime();
                long got = loadChunk(db, data, n);
                long ms = (System.nanoTime() - t0) / 1_000_000;
                if (got != n) {
                    throw new IllegalStateException("chunk loaded " + got + " rows, expected " + n);
                }
                loaded += n;
                System.out.println("chunk " + n + " " + ms);
            }
        }
        System.out.println("total " + loaded + " " + (System.nanoTime() - started) / 1_000_000 + " " + data.dayCount());
    }

    static long loadChunk(Connection db, Data data, long n) throws Exception {
        PipedInputStream in = new PipedInputStream(1 << 20);
        PipedOutputStream pipe = new PipedOutputStream(in);
        Exception[] failure = new Exception[1];
        Thread writer = new Thread(() -> {
            try (OutputStream out = new BufferedOutputStream(pipe, 1 << 16)) {
                for (long i = 0; i < n; i++) {
                    out.write(data.next());
                }
            } catch (Exception e) {
                failure[0] = e;
            }
        }, "generator");
        writer.start();
        long count;
        try (Statement load = db.createStatement()) {
            load.unwrap(com.mysql.cj.jdbc.JdbcStatement.class).setLocalInfileInputStream(in);
            count = load.executeUpdate("LOAD DATA LOCAL INFILE 'page_views.tsv' INTO TABLE page_views"
                    + " CHARACTER SET utf8mb4 FIELDS TERMINATED BY '\\t' LINES TERMINATED BY '\\n'"
                    + " (@event_id, site, ts, name, path, visitor, referrer, browser, os, device,"
                    + " utm_source, utm_medium, utm_campaign, utm_content, utm_term, props)"
                    + " SET event_id = UNHEX(@event_id)");
        }
        writer.join();
        if (failure[0] != null) {
            throw failure[0];
        }
        return count;
    }

    /** The generator: yields rows in time order, one TSV line each. */
    static final class Data {
        final String site;
        final ZoneId zone;
        final SplittableRandom random;
        final String[] pathNames;
        final double[] pathCdf;
        final double[] agentCdf;
        final int visitorsPerDay;
        final long[] slotStart; // UTC millis of each local hour slot
        final long[] slotEnd;
        final long[] slotRows; // rows in each slot
        final LocalDate[] slotDay;
        int slot = -1;
        long[] stamps = new long[0];
        int stampIndex;
        LocalDate poolDay;
        long[] pool;
        final StringBuilder line = new StringBuilder(256);
        final byte[] uuidRandom = new byte[10];
        int days;

        Data(String site, ZoneId zone, long rows, int days, int paths, int visitorsPerDay, long seed) {
            this.site = site;
            this.zone = zone;
            this.random = new SplittableRandom(seed);
            this.visitorsPerDay = visitorsPerDay;
            pathNames = new String[paths];
            pathCdf = new double[paths];
            double sum = 0;
            for (int i = 0; i < paths; i++) {
                pathNames[i] = pathName(i);
                sum += 1.0 / (i + 1);
                pathCdf[i] = sum;
            }
            for (int i = 0; i < paths; i++) {
                pathCdf[i] /= sum;
            }
            agentCdf = new double[AGENTS.length];
            double a = 0;
            for (int i = 0; i < AGENTS.length; i++) {
                a += Double.parseDouble(AGENTS[i][3]);
                agentCdf[i] = a;
            }
            for (int i = 0; i < AGENTS.length; i++) {
                agentCdf[i] /= a;
            }
            // local hour slots from the start of the first day up to now, weighted by a daily rhythm
            long now = System.currentTimeMillis() - 60_000; // a minute of margin: every row is in the past
            ZonedDateTime first = LocalDate.ofInstant(Instant.ofEpochMilli(now), zone).minusDays(days - 1)
                    .atStartOfDay(zone);
            List<long[]> slots = new ArrayList<>();
            List<LocalDate> slotDays = new ArrayList<>();
            List<Double> weights = new ArrayList<>();
            for (ZonedDateTime h = first; h.toInstant().toEpochMilli() < now; h = h.plusHours(1)) {
                long start = h.toInstant().toEpochMilli();
                long end = Math.min(h.plusHours(1).toInstant().toEpochMilli(), now);
                double hourOfDay = h.getHour();
                double rhythm = 0.25 + Math.max(0, Math.sin(Math.PI * (hourOfDay - 6) / 18.0));
                double weekday = h.getDayOfWeek().getValue() >= 6 ? 0.7 : 1.0;
                slots.add(new long[] {start, end});
                slotDays.add(h.toLocalDate());
                weights.add(rhythm * weekday * (end - start) / 3_600_000.0);
            }
            int n = slots.size();
            slotStart = new long[n];
            slotEnd = new long[n];
            slotRows = new long[n];
            slotDay = new LocalDate[n];
            double total = weights.stream().mapToDouble(Double::doubleValue).sum();
            double cumulative = 0;
            long assigned = 0;
            for (int i = 0; i < n; i++) {
                slotStart[i] = slots.get(i)[0];
                slotEnd[i] = slots.get(i)[1];
                slotDay[i] = slotDays.get(i);
                cumulative += weights.get(i);
                long upTo = i == n - 1 ? rows : Math.round(rows * cumulative / total);
                slotRows[i] = upTo - assigned;
                assigned = upTo;
            }
        }

        int dayCount() {
            return days;
        }

        static String pathName(int rank) {
            if (rank == 0) {
                return "/";
            }
            String[] fixed = {"/pricing", "/features", "/docs", "/blog", "/about", "/signup", "/login", "/contact"};
            if (rank <= fixed.length) {
                return fixed[rank - 1];
            }
            int k = rank - fixed.length - 1;
            return switch (k % 3) {
                case 0 -> "/blog/post-" + k;
                case 1 -> "/docs/guide/section-" + (k % 17) + "/page-" + k;
                default -> "/products/item-" + k;
            };
        }

        byte[] next() {
            while (stampIndex >= stamps.length) {
                slot++;
                int count = (int) slotRows[slot];
                stamps = new long[count];
                for (int i = 0; i < count; i++) {
                    stamps[i] = random.nextLong(slotStart[slot], slotEnd[slot]);
                }
                Arrays.sort(stamps);
                stampIndex = 0;
            }
            long ts = stamps[stampIndex++];
            LocalDate day = slotDay[slot];
            if (!day.equals(poolDay)) {
                poolDay = day;
                days++;
                pool = new long[visitorsPerDay];
                for (int i = 0; i < pool.length; i++) {
                    pool[i] = random.nextLong();
                }
            }
            long visitor = pool[random.nextInt(pool.length)];
            // each visitor keeps one browser/OS/device: pick it from the id
            double agentPick = (double) ((visitor >>> 11) & ((1L << 40) - 1)) / (1L << 40);
            String[] agent = AGENTS[pick(agentCdf, agentPick)];
            String path = pathNames[pick(pathCdf, random.nextDouble())];
            String referrer = referrer();
            boolean utm = random.nextInt(100) < 5;

            line.setLength(0);
            uuid7(ts);
            line.append('\t').append(site)
                    .append('\t').append(TS.format(Instant.ofEpochMilli(ts)))
                    .append('\t').append("pageview")
                    .append('\t').append(path)
                    .append('\t').append(visitor)
                    .append('\t').append(referrer == null ? "\\N" : referrer)
                    .append('\t').append(agent[0]).append('\t').append(agent[1]).append('\t').append(agent[2]);
            if (utm) {
                line.append("\tnewsletter\temail\tcampaign-").append(random.nextInt(12)).append("\t\\N\t\\N");
            } else {
                line.append("\t\\N\t\\N\t\\N\t\\N\t\\N");
            }
            line.append("\t\\N\n");
            return line.toString().getBytes(StandardCharsets.UTF_8);
        }

        String referrer() {
            int r = random.nextInt(1000);
            for (int i = 0; i < REFERRER_WEIGHTS.length; i++) {
                r -= REFERRER_WEIGHTS[i];
                if (r < 0) {
                    return REFERRERS[i];
                }
            }
            return "blog-" + random.nextInt(LONG_TAIL_REFERRERS) + ".example";
        }

        /** UUIDv7 as 32 hex digits: 48 bits of milliseconds, version 7, variant 2, random rest. */
        void uuid7(long millis) {
            random.nextBytes(uuidRandom);
            byte[] b = new byte[16];
            for (int i = 0; i < 6; i++) {
                b[i] = (byte) (millis >>> (40 - 8 * i));
            }
            System.arraycopy(uuidRandom, 0, b, 6, 10);
            b[6] = (byte) ((b[6] & 0x0f) | 0x70);
            b[8] = (byte) ((b[8] & 0x3f) | 0x80);
            for (byte x : b) {
                line.append(Character.forDigit((x >> 4) & 0xf, 16)).append(Character.forDigit(x & 0xf, 16));
            }
        }

        static int pick(double[] cdf, double u) {
            int i = Arrays.binarySearch(cdf, u);
            i = i >= 0 ? i : -i - 1;
            return Math.min(i, cdf.length - 1);
        }
    }
}
