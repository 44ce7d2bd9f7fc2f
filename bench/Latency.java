import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Latency of dashboard pages and Stats API calls, one request at a time (a person waiting), the
 * URLs taken round-robin so that every one sees the same conditions.
 *
 * Usage: java bench/Latency.java BASE_URL COOKIE BEARER SECONDS_PER_RUN RUNS < urls
 * urls: one "name<TAB>page|api<TAB>path" per line; page sends the session cookie, api the key.
 * Prints per name: "name p50 p50min p50max p95 p95min p95max p99 p99min p99max samples" (ms;
 * the middle value is the median over the runs). Exits 2 on any answer other than 200.
 */
public class Latency {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String cookie = args[1];
        String bearer = args[2];
        double seconds = Double.parseDouble(args[3]);
        int runs = Integer.parseInt(args[4]);
        List<String[]> urls = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in))) {
            for (String line; (line = in.readLine()) != null;) {
                if (!line.isBlank()) {
                    urls.add(line.split("\t"));
                }
            }
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        List<HttpRequest> requests = new ArrayList<>();
        for (String[] url : urls) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + url[2])).timeout(Duration.ofSeconds(30))
                    .header("Accept-Encoding", "gzip");
            b = url[1].equals("page") ? b.header("Cookie", "footfall-session=" + cookie)
                    : b.header("Authorization", "Bearer " + bearer);
            requests.add(b.GET().build());
        }
        // warm-up: a few rounds, not counted
        for (int i = 0; i < 3; i++) {
            for (HttpRequest r : requests) {
                call(http, r);
            }
        }
        double[][][] perRun = new double[urls.size()][runs][];
        int[] samples = new int[urls.size()];
        for (int run = 0; run < runs; run++) {
            List<List<Double>> took = new ArrayList<>();
            urls.forEach(u -> took.add(new ArrayList<>()));
            long end = System.nanoTime() + (long) (seconds * 1e9);
            long rounds = 0;
            while (System.nanoTime() < end && rounds < 1_000_000) {
                for (int i = 0; i < requests.size(); i++) {
                    long t0 = System.nanoTime();
                    call(http, requests.get(i));
                    took.get(i).add((System.nanoTime() - t0) / 1e6);
                }
                rounds++;
            }
            for (int i = 0; i < urls.size(); i++) {
                double[] sorted = took.get(i).stream().mapToDouble(Double::doubleValue).sorted().toArray();
                perRun[i][run] = new double[] {pct(sorted, 50), pct(sorted, 95), pct(sorted, 99)};
                samples[i] += sorted.length;
            }
        }
        for (int i = 0; i < urls.size(); i++) {
            StringBuilder line = new StringBuilder(urls.get(i)[0]);
            for (int p = 0; p < 3; p++) {
                double[] values = new double[runs];
                for (int run = 0; run < runs; run++) {
                    values[run] = perRun[i][run][p];
                }
                Arrays.sort(values);
                line.append(String.format(" %.3f %.3f %.3f", median(values), values[0], values[runs - 1]));
            }
            System.out.println(line.append(' ').append(samples[i]));
        }
    }

    static void call(HttpClient http, HttpRequest request) throws Exception {
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            System.err.println(request.uri() + " answered " + response.statusCode() + ": "
                    + new String(response.body()).substring(0, Math.min(300, response.body().length)));
            System.exit(2);
        }
    }

    /** Nearest-rank percentile of sorted values. */
    static double pct(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
