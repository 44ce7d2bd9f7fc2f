import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * End-to-end delay of the pipeline: every INTERVAL ms a probe page view goes to a small site of
 * its own; the Stats API (aggregate page views of that site) is polled every POLL ms, and the
 * k-th probe counts as visible when the site's page views first reach k.
 *
 * Usage: java bench/Probe.java BASE_URL BEARER SITE SECONDS INTERVAL_MS POLL_MS
 * Prints "PROBE sent=N visible=M lost=L p50=… p95=… max=…" (ms from the 202 to visible).
 * Exits 2 when a probe is not answered 202 or the Stats API fails.
 */
public class Probe {

    static final String UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/124.0.0.0 Safari/537.36";
    static final Pattern PAGEVIEWS = Pattern.compile("\"pageviews\":\\{\"value\":(\\d+)\\}");
    static final Duration SETTLE = Duration.ofSeconds(15);

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String bearer = args[1];
        String site = args[2];
        double seconds = Double.parseDouble(args[3]);
        long interval = Long.parseLong(args[4]);
        long poll = Long.parseLong(args[5]);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest count = HttpRequest.newBuilder(URI.create(base + "/api/v1/stats/aggregate?site_id=" + site
                + "&period=7d&metrics=pageviews")).header("Authorization", "Bearer " + bearer)
                .timeout(Duration.ofSeconds(10)).GET().build();
        long baseline = pageviews(http, count);
        String run = Long.toString(System.currentTimeMillis(), 36);
        int planned = (int) Math.max(1, Math.round(seconds * 1000 / interval));
        long[] accepted = new long[planned];
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        Thread sender = new Thread(() -> {
            long start = System.nanoTime();
            for (int k = 0; k < planned; k++) {
                long due = start + k * interval * 1_000_000L;
                sleepUntil(due);
                HttpRequest hit = HttpRequest.newBuilder(URI.create(base + "/api/event"))
                        .header("Content-Type", "text/plain").header("User-Agent", UA)
                        .header("X-Forwarded-For", "198.51.100." + (1 + k % 250))
                        .timeout(Duration.ofSeconds(10))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"n\":\"pageview\",\"u\":\"https://" + site
                                + "/probe/" + run + "/" + k + "\",\"d\":\"" + site + "\"}"))
                        .build();
                try {
                    HttpResponse<String> r = http.send(hit, HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() != 202 || r.headers().firstValue("X-Footfall-Dropped").isPresent()) {
                        failures.add("probe " + k + ": " + r.statusCode() + " "
                                + r.headers().firstValue("X-Footfall-Dropped").orElse(""));
                    }
                } catch (Exception e) {
                    failures.add("probe " + k + ": " + e);
                }
                synchronized (accepted) {
                    accepted[k] = System.nanoTime();
                }
            }
        }, "probe-sender");
        sender.start();
        long[] visible = new long[planned];
        long deadline = System.nanoTime() + (long) (seconds * 1e9) + SETTLE.toNanos();
        int seen = 0;
        while (seen < planned && System.nanoTime() < deadline) {
            long now;
            long got = pageviews(http, count) - baseline;
            now = System.nanoTime();
            while (seen < Math.min(got, planned)) {
                visible[seen++] = now;
            }
            if (!sender.isAlive() && seen >= planned) {
                break;
            }
            Thread.sleep(poll);
        }
        sender.join(20_000);
        List<Double> delays = new ArrayList<>();
        synchronized (accepted) {
            for (int k = 0; k < seen; k++) {
                // the count can move before this client has read the 202: that delay is 0
                delays.add(accepted[k] == 0 ? 0 : Math.max(0, (visible[k] - accepted[k]) / 1e6));
            }
        }
        double[] sorted = delays.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf("PROBE sent=%d visible=%d lost=%d p50=%.1f p95=%.1f max=%.1f%n", planned, seen,
                planned - seen, pct(sorted, 50), pct(sorted, 95), sorted.length == 0 ? Double.NaN
                        : sorted[sorted.length - 1]);
        if (!failures.isEmpty()) {
            failures.stream().limit(5).forEach(System.err::println);
            System.exit(2);
        }
    }

    static long pageviews(HttpClient http, HttpRequest count) throws Exception {
        HttpResponse<String> r = http.send(count, HttpResponse.BodyHandlers.ofString());
        Matcher m = PAGEVIEWS.matcher(r.body());
        if (r.statusCode() != 200 || !m.find()) {
            System.err.println("Stats API answered " + r.statusCode() + ": " + r.body());
            System.exit(2);
        }
        return Long.parseLong(m.group(1));
    }

    static void sleepUntil(long due) {
        long wait;
        while ((wait = due - System.nanoTime()) > 0) {
            try {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    static double pct(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
