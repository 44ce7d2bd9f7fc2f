package ingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static support.Footfall.CHROME;
import static support.Footfall.createSiteAndWait;
import static support.Footfall.eventually;
import static support.Footfall.rows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import support.Footfall;
import support.TestClock;

/**
 * The snippet as served by /js/script.js, run in Node with a fake browser around it; what it sends
 * is posted to /api/event as is.
 */
@QuarkusTest
class SnippetTest {

    @Inject
    TestClock clock;

    @Test
    void theServedSnippetIsSmallCachedAndCookieFree() throws IOException {
        String script = given().when().get("/js/script.js").then().statusCode(200)
                .header("Cache-Control", containsString("max-age=86400"))
                .header("Content-Type", containsString("javascript"))
                .extract().asString();
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
            gzip.write(script.getBytes(StandardCharsets.UTF_8));
        }
        assertTrue(zipped.size() < 1024, "gzipped snippet is " + zipped.size() + " bytes");
        assertTrue(!script.contains("document.cookie"), "the snippet must not touch cookies");
    }

    @Test
    @SuppressWarnings("unchecked")
    void whatTheSnippetSendsIsAcceptedAndStored() throws Exception {
        String site = Footfall.uniqueDomain("snippet");
        createSiteAndWait(site, "Europe/Berlin", clock);
        Path script = Files.createTempFile("footfall-script", ".js");
        Files.writeString(script, given().when().get("/js/script.js").then().statusCode(200).extract().asString());

        Map<String, Object> run = node(script, "https://" + site + "/", site);
        List<Map<String, Object>> sent = (List<Map<String, Object>>) run.get("sent");
        assertEquals(4, sent.size(), "pageview, pushState pageview, custom event, popstate pageview: " + run);
        for (Map<String, Object> beacon : sent) {
            assertEquals("https://" + site + "/api/event", beacon.get("url"));
            String body = new ObjectMapper().writeValueAsString(beacon.get("body"));
            given().header("User-Agent", CHROME).header("X-Forwarded-For", "192.0.2.77")
                    .contentType((String) beacon.get("type")).body(body)
                    .when().post("/api/event").then().statusCode(202).header("X-Footfall-Dropped", (String) null);
        }
        eventually(() -> rows("SELECT COUNT(*) FROM page_views WHERE site = ? AND path <> ?", site,
                Footfall.PROBE) == 4);
        assertEquals(2, rows("SELECT COUNT(*) FROM page_views WHERE site = ? AND path = '/' AND name = 'pageview'",
                site));
        assertEquals(1, rows("SELECT COUNT(*) FROM page_views WHERE site = ? AND path = '/pricing' AND name = 'pageview' AND "
                + "utm_source = 'newsletter'", site));
        assertEquals(1, rows("SELECT COUNT(*) FROM page_views WHERE site = ? AND name = 'Signup' AND "
                + "props = '{\"plan\":\"pro\"}'", site));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theSnippetStaysQuietOnLocalhostAndInAutomatedBrowsersUnlessAskedTo() throws Exception {
        Path script = Files.createTempFile("footfall-script", ".js");
        Files.writeString(script, given().when().get("/js/script.js").then().extract().asString());
        assertEquals(0, ((List<Object>) node(script, "http://localhost:3000/", "a.example").get("sent")).size());
        assertEquals(0, ((List<Object>) node(script, "https://a.example/", "a.example", "--automation").get("sent"))
                .size());
        assertEquals(4, ((List<Object>) node(script, "https://a.example/", "a.example", "--automation",
                "--include-automation").get("sent")).size());
        assertEquals(0, ((List<Object>) node(script, "https://a.example/", "a.example", "--ignore").get("sent"))
                .size());
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> node(Path script, String page, String domain, String... flags) throws Exception {
        List<String> command = new ArrayList<>(List.of("node", "src/test/js/snippet-harness.js", script.toString(),
                page, domain));
        command.addAll(List.of(flags));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), out);
        return new ObjectMapper().readValue(out, Map.class);
    }
}
