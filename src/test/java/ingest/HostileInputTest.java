package ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static support.Footfall.CHROME;
import static support.Footfall.createSiteAndWait;
import static support.Footfall.eventually;
import static support.Footfall.rows;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.Random;
import java.util.TreeMap;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import support.Footfall;
import support.TestClock;

/** Generated hostile bodies and headers: only 202, 400, 413 or 429, never a 5xx, nothing invalid stored. */
@QuarkusTest
class HostileInputTest {

    static final int BODIES = 10_000;

    @Inject
    TestClock clock;

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    @AfterEach
    void resetClock() {
        clock.set(null);
    }

    @Test
    void tenThousandGeneratedBodiesGetOnlyClientAnswers() throws Exception {
        String site = Footfall.uniqueDomain("fuzz");
        createSiteAndWait(site, "UTC", clock);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Random random = new Random(20261129);
        Map<Integer, Integer> statuses = new TreeMap<>();
        int accepted = 0;
        for (int i = 0; i < BODIES; i++) {
            byte[] body = Fuzz.body(random, site, i);
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/event"))
                    .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .header("Content-Type", random.nextBoolean() ? "text/plain" : "application/json")
                    .header("User-Agent", random.nextInt(10) == 0 ? Fuzz.printable(random, 300) : CHROME)
                    .header("X-Forwarded-For", random.nextInt(20) == 0 ? Fuzz.printable(random, 40)
                            : "10." + random.nextInt(200) + "." + random.nextInt(250) + "." + (i % 250));
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            statuses.merge(response.statusCode(), 1, Integer::sum);
            assertTrue(Fuzz.ALLOWED.contains(response.statusCode()),
                    "status " + response.statusCode() + " for body " + new String(body, 0,
                            Math.min(body.length, 300), StandardCharsets.ISO_8859_1) + " -> " + response.body());
            if (response.statusCode() == 202 && response.headers().firstValue("X-Footfall-Dropped").isEmpty()) {
                accepted++;
            }
        }
        System.out.println("fuzz statuses: " + statuses + ", accepted " + accepted);
        assertTrue(statuses.getOrDefault(400, 0) > 1000, statuses.toString());
        assertTrue(accepted > 100, statuses.toString());
        RestAssured.given().when().get("/q/health/ready").then().statusCode(200);

        int stored = accepted;
        eventually(() -> rows("SELECT COUNT(*) FROM page_views WHERE site = ? AND path <> ?", site,
                Footfall.PROBE) == stored);
        assertEquals(0, rows("SELECT COUNT(*) FROM page_views WHERE site = ? AND (path NOT LIKE '/%' OR "
                + "CHAR_LENGTH(name) > 120 OR CHAR_LENGTH(path) > 2000 OR path REGEXP '[[:cntrl:]]' OR "
                + "name REGEXP '[[:cntrl:]]')", site));
    }

    @Test
    void headerInjectionAttemptsGetClientAnswers() throws Exception {
        String site = Footfall.uniqueDomain("headers");
        createSiteAndWait(site, "UTC", clock);
        String body = "{\"n\":\"pageview\",\"u\":\"https://" + site + "/h\",\"d\":\"" + site + "\"}";
        String[] headers = {"X-Forwarded-For: 1.2.3.4\r\nX-Injected: yes", "X-Forwarded-For: 1.2.3.4\nX-Bare-LF: yes",
                "User-Agent: Mozilla/5.0\u0000evil", "X-Forwarded-For: " + "9".repeat(20_000),
                "Forwarded: for=\"[::1\";by=;;;", "Content-Length: 5"};
        for (String header : headers) {
            int status = raw(header, body);
            assertTrue(status == 202 || status == 400 || status == 413 || status == 431, header + " -> " + status);
        }
        RestAssured.given().when().get("/q/health/ready").then().statusCode(200);
    }

    /** Sends one request over a raw socket, so headers can hold what HTTP clients refuse to send. */
    private int raw(String header, String body) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            byte[] payload = body.getBytes(StandardCharsets.UTF_8);
            String head = "POST /api/event HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: " + CHROME + "\r\n" + header
                    + "\r\nContent-Type: text/plain\r\nContent-Length: " + payload.length
                    + "\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().write(payload);
            socket.getOutputStream().flush();
            String status = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    StandardCharsets.ISO_8859_1)).readLine();
            return Integer.parseInt(status.split(" ")[1]);
        }
    }

    @Test
    void aFloodFromOneAddressIsLimitedWithoutHurtingOthers() throws Exception {
        String site = Footfall.uniqueDomain("flood");
        createSiteAndWait(site, "UTC", clock);
        HttpClient http = HttpClient.newHttpClient();
        List<CompletableFuture<HttpResponse<String>>> flood = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            flood.add(http.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/event"))
                    .header("User-Agent", CHROME).header("X-Forwarded-For", "203.0.113.66")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"n\":\"pageview\",\"u\":\"https://" + site
                            + "/flood\",\"d\":\"" + site + "\"}")).build(), HttpResponse.BodyHandlers.ofString()));
        }
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (CompletableFuture<HttpResponse<String>> response : flood) {
            statuses.merge(response.get().statusCode(), 1, Integer::sum);
        }
        assertTrue(statuses.getOrDefault(429, 0) > 0, "the flood was never limited: " + statuses);
        // 503 can only mean the queue did not answer within the enqueue timeout on a crowded machine
        assertTrue(Set.of(202, 429, 503).containsAll(statuses.keySet()), statuses.toString());
        assertEquals(202, Footfall.hit(site, "https://" + site + "/calm", CHROME, "203.0.113.67").statusCode());
    }

    @Test
    void referrerSpamIsDroppedAndCountedInTheMetrics() {
        String site = Footfall.uniqueDomain("spam");
        createSiteAndWait(site, "UTC", clock);
        double spamBefore = metric(SPAM_DROPPED);
        double botsBefore = metric(BOTS_DROPPED);
        RestAssured.given().header("User-Agent", CHROME).contentType("text/plain")
                .body("{\"n\":\"pageview\",\"u\":\"https://" + site + "/\",\"d\":\"" + site
                        + "\",\"r\":\"https://www.semalt.com/crawler\"}")
                .when().post("/api/event").then().statusCode(202).header("X-Footfall-Dropped", "referrer-spam");
        RestAssured.given().header("User-Agent", "Mozilla/5.0 (compatible; bingbot/2.0)").contentType("text/plain")
                .body("{\"n\":\"pageview\",\"u\":\"https://" + site + "/\",\"d\":\"" + site + "\"}")
                .when().post("/api/event").then().statusCode(202).header("X-Footfall-Dropped", "bot");
        assertEquals(1.0, metric(SPAM_DROPPED) - spamBefore, SPAM_DROPPED);
        assertEquals(1.0, metric(BOTS_DROPPED) - botsBefore, BOTS_DROPPED);
        // once a later hit is stored, the dropped ones would have been too
        Footfall.pageview(site, "/later", CHROME, "192.0.2.77");
        eventually(() -> rows("SELECT COUNT(*) FROM page_views WHERE site = ? AND path = '/later'", site) == 1);
        assertEquals(1, rows("SELECT COUNT(*) FROM page_views WHERE site = ? AND path <> ?", site, Footfall.PROBE),
                "only the later hit is stored");
    }

    static final String SPAM_DROPPED = "footfall_hits_dropped_total{reason=\"referrer-spam\"}";
    static final String BOTS_DROPPED = "footfall_hits_dropped_total{reason=\"bot\"}";

    /** The value of one series (name and labels exactly) in /q/metrics; 0 before its first increment. */
    private static double metric(String series) {
        String metrics = RestAssured.given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(line -> line.startsWith(series + " ")).findFirst()
                .map(line -> Double.parseDouble(line.substring(series.length() + 1).trim())).orElse(0.0);
    }
}
