package faults;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** What an owner and an operator ask one Footfall process over HTTP: sites, stats, dashboard, health, metrics. */
final class FootfallApi {

    /** One answer: status (-1 when none came), its Content-Type, body (or the error), and how long it took. */
    record Answer(int status, String contentType, String body, long millis) {
        boolean serverError() {
            return status >= 500;
        }

        boolean html() {
            return contentType.startsWith("text/html");
        }

        @Override
        public String toString() {
            return status + " " + contentType + " after " + millis + " ms: " + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
        }
    }

    record Totals(long visitors, long pageviews) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    private final URI base;
    private final HttpClient http;

    FootfallApi(URI base) {
        this(base, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(1))
                .build());
    }

    private FootfallApi(URI base, HttpClient http) {
        this.base = base;
        this.http = http;
    }

    URI base() {
        return base;
    }

    /** The admin logged in through the login form (with its CSRF token): a client that keeps the cookies. */
    FootfallApi loggedInAdmin() {
        FootfallApi session = new FootfallApi(base, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(1)).cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build());
        Matcher csrf = CSRF_FIELD.matcher(session.get("/login").body());
        if (!csrf.find()) {
            throw new AssertionError("the login page has no CSRF field");
        }
        Answer login = session.send(HttpRequest.newBuilder(base.resolve("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("email=" + encode(FootfallProcess.ADMIN_EMAIL)
                        + "&password=" + encode(FootfallProcess.ADMIN_PASSWORD) + "&csrf=" + encode(csrf.group(1)))));
        if (login.status() != 303 && login.status() != 302) {
            throw new AssertionError("login failed: " + login);
        }
        Answer sites = session.get("/");
        if (sites.status() != 200) {
            throw new AssertionError("the logged-in admin cannot open /: " + sites);
        }
        return session;
    }

    void createSite(String domain) {
        Answer created = send(HttpRequest.newBuilder(base.resolve("/api/v1/sites"))
                .header("Authorization", "Bearer " + FootfallProcess.ADMIN_KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"domain\":\"" + domain + "\",\"timezone\":\"UTC\"}")));
        if (created.status() != 201) {
            throw new AssertionError("creating site " + domain + ": " + created);
        }
    }

    /** Sends probe hits to a site of its own until this process stores them (it learnt of the site). */
    void awaitSiteKnown(String probeSite) {
        Processes.await(base + " knows " + probeSite, Duration.ofSeconds(30), () -> {
            HttpResponse<String> probe = event(probeSite, "/probe");
            return probe != null && probe.statusCode() == 202 && probe.headers().firstValue("X-Footfall-Dropped").isEmpty();
        });
    }

    HttpResponse<String> event(String site, String path) {
        try {
            return http.send(LoadGenerator.hit(base, site, path, 1).timeout(TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            return null;
        }
    }

    /** Pageviews and visitors of the last 7 days (today included, so a run across midnight still adds up). */
    Totals totals(String site) {
        Answer answer = stats("aggregate", site, "period=7d&metrics=visitors,pageviews");
        JsonNode results = json(answer).path("results");
        return new Totals(results.path("visitors").path("value").asLong(-1),
                results.path("pageviews").path("value").asLong(-1));
    }

    /** The most viewed page (by the breakdown's order: visitors, then pageviews). */
    JsonNode topPage(String site) {
        return json(stats("breakdown", site, "period=7d&property=event:page&limit=1")).path("results").path(0);
    }

    Answer stats(String path, String site, String query) {
        return send(HttpRequest.newBuilder(base.resolve("/api/v1/stats/" + path + "?site_id=" + encode(site) + "&" + query))
                .header("Authorization", "Bearer " + FootfallProcess.ADMIN_KEY));
    }

    Answer get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)));
    }

    /** One gauge or counter from /q/metrics (the first sample of that name), NaN when absent or unreachable. */
    double metric(String name) {
        Answer metrics = get("/q/metrics");
        if (metrics.status() != 200) {
            return Double.NaN;
        }
        for (String line : metrics.body().split("\n")) {
            if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return Double.NaN;
    }

    private Answer send(HttpRequest.Builder request) {
        long started = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), (System.nanoTime() - started) / 1_000_000);
        } catch (Exception e) {
            return new Answer(-1, "", e.toString(), (System.nanoTime() - started) / 1_000_000);
        }
    }

    private static JsonNode json(Answer answer) {
        if (answer.status() != 200) {
            throw new AssertionError("Stats API answered " + answer);
        }
        try {
            return JSON.readTree(answer.body());
        } catch (Exception e) {
            throw new AssertionError("Stats API answered no JSON: " + answer, e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
