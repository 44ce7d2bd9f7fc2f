package analytics.stats;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static support.Footfall.CHROME;
import static support.Footfall.FIREFOX;
import static support.Footfall.IPHONE;
import static support.Footfall.createSiteAndWait;
import static support.Footfall.eventually;
import static support.Footfall.stats;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import support.Footfall;
import support.TestClock;

/**
 * A known data set of visits (gaps just under and at 30 minutes, a visit across the site's local
 * midnight, search, social, email-app, internal and tagged referrers, screen widths, addresses of
 * several countries, interactive, non-interactive and engagement events) goes in over HTTP at chosen
 * moments; every Stats API figure must equal the same figure computed from the raw rows in MySQL.
 */
@QuarkusTest
class VisitsAndSourcesTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final String RANGE = "2026-11-10,2026-11-11";
    private static final String ANDROID = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like "
            + "Gecko) Chrome/124.0.0.0 Mobile Safari/537.36";

    @Inject
    TestClock clock;

    String site;

    @BeforeEach
    void site() {
        site = Footfall.uniqueDomain("visits");
        createSiteAndWait(site, "Europe/Berlin", clock);
    }

    @AfterEach
    void resetClock() {
        clock.set(null);
    }

    private void send(String at, String ip, String userAgent, String name, String path, String referrer, Integer width,
            String extra) {
        clock.set(Instant.parse(at));
        String body = "{\"n\":\"" + name + "\",\"u\":\"https://" + site + path + "\",\"d\":\"" + site + "\""
                + (referrer == null ? "" : ",\"r\":\"" + referrer + "\"") + (width == null ? "" : ",\"w\":" + width)
                + (extra == null ? "" : "," + extra) + "}";
        given().header("User-Agent", userAgent).header("X-Forwarded-For", ip).contentType("text/plain").body(body)
                .when().post("/api/event").then().statusCode(202);
    }

    private void view(String at, String ip, String userAgent, String path, String referrer, Integer width) {
        send(at, ip, userAgent, "pageview", path, referrer, width, null);
    }

    /** 13 page views in 8 visits of 6 people; the comments say what each hit does to its visit. */
    private void sendTheDataSet() {
        String us = "8.8.8.8";
        view("2026-11-10T08:00:00Z", us, CHROME, "/", "https://www.google.com/search?q=footfall", 1440);
        view("2026-11-10T08:10:00Z", us, CHROME, "/pricing", "https://" + site + "/", 1440);   // internal, 2nd view
        view("2026-11-10T08:39:59Z", us, CHROME, "/docs", "https://" + site + "/pricing", 1440); // 29:59 later: same visit
        view("2026-11-10T09:09:59Z", us, CHROME, "/", null, 1440);                               // 30:00 later: new visit
        String de = "194.25.2.129";                                                              // 23:50 and 00:15 Berlin
        view("2026-11-10T22:50:00Z", de, FIREFOX, "/blog?utm_source=newsletter&utm_medium=email&utm_campaign=launch",
                null, 1920);
        view("2026-11-10T23:15:00Z", de, FIREFOX, "/blog/post", "https://" + site + "/blog", 1920);
        String fr = "212.27.48.10";
        view("2026-11-11T10:00:00Z", fr, IPHONE, "/", "https://t.co/abc", 390);
        send("2026-11-11T10:05:00Z", fr, IPHONE, "Signup", "/", null, 390, "\"p\":{\"plan\":\"pro\"}"); // ends the bounce
        String jp = "133.242.0.3";
        view("2026-11-11T12:00:00Z", jp, ANDROID, "/", "android-app://com.google.android.gm", 800);
        send("2026-11-11T12:01:00Z", jp, ANDROID, "Scrolled", "/", null, 800, "\"i\":false");      // still a bounce
        send("2026-11-11T12:02:00Z", jp, ANDROID, "engagement", "/", null, 800, "\"e\":4000,\"sd\":60"); // same
        String br = "200.160.2.3";
        view("2026-11-11T14:00:00Z", br, FIREFOX, "/pricing", "https://" + site + "/elsewhere", null);  // own host
        view("2026-11-11T14:31:00Z", br, FIREFOX, "/pricing", null, null);                       // 31 min: new visit
        String in = "164.100.1.1";
        view("2026-11-11T15:00:00Z", in, CHROME, "/docs?ref=producthunt", null, 1000);
        view("2026-11-11T15:20:00Z", in, CHROME, "/docs/start", null, 1000);
        view("2026-11-11T15:45:00Z", in, CHROME, "/docs", null, 1000);
        eventually(() -> aggregate("custom", RANGE, "pageviews").getLong("results.pageviews.value") == 13);
    }

    @Test
    void everyMetricAndBreakdownEqualsWhatTheRawRowsSay() throws SQLException {
        sendTheDataSet();
        List<Row> rows = rows();
        RawFigures all = RawFigures.of(rows, LocalDate.parse("2026-11-10"), LocalDate.parse("2026-11-11"));

        // the data set as designed, before comparing with the Stats API
        assertEquals(8, all.visits().size(), "visits of the data set (DE's goes on past midnight)");
        assertEquals(13, all.pageviews(), "page views of the data set");
        assertEquals(4, all.bounces(), "bounces: US's second visit, JP's, BR's two");
        assertEquals(7, all.visitors(), "visitors: DE's id changes with the day's salt");

        JsonPath totals = aggregate("custom", RANGE, "visitors,visits,pageviews,views_per_visit,bounce_rate,"
                + "visit_duration");
        assertEquals(all.visitors(), totals.getLong("results.visitors.value"));
        assertEquals(all.visits().size(), totals.getLong("results.visits.value"));
        assertEquals(all.pageviews(), totals.getLong("results.pageviews.value"));
        assertEquals(all.viewsPerVisit(), totals.getDouble("results.views_per_visit.value"), 0.0001);
        assertEquals(all.bounceRate(all.visits()), totals.getLong("results.bounce_rate.value"));
        assertEquals(all.visitDuration(all.visits()), totals.getLong("results.visit_duration.value"));

        for (String day : List.of("2026-11-10", "2026-11-11")) {
            RawFigures one = RawFigures.of(rows, LocalDate.parse(day), LocalDate.parse(day));
            JsonPath daily = stats("aggregate", "site_id", site, "period", "day", "date", day, "metrics",
                    "visits,pageviews,bounce_rate,visit_duration").then().statusCode(200).extract().jsonPath();
            assertEquals(one.visits().size(), daily.getLong("results.visits.value"), day + " visits (by their start)");
            assertEquals(one.pageviews(), daily.getLong("results.pageviews.value"), day);
            assertEquals(one.bounceRate(one.visits()), daily.getLong("results.bounce_rate.value"), day);
            assertEquals(one.visitDuration(one.visits()), daily.getLong("results.visit_duration.value"), day);
        }
        List<Map<String, Object>> series = stats("timeseries", "site_id", site, "period", "custom", "date", RANGE,
                "metrics", "visits,bounce_rate").then().statusCode(200).extract().jsonPath().getList("results");
        List<Map<String, Object>> expectedSeries = new ArrayList<>();
        for (String day : List.of("2026-11-10", "2026-11-11")) {
            RawFigures one = RawFigures.of(rows, LocalDate.parse(day), LocalDate.parse(day));
            expectedSeries.add(Map.of("date", day, "visits", one.visits().size(), "bounce_rate",
                    (int) one.bounceRate(one.visits())));
        }
        assertEquals(expectedSeries, series);
        assertEquals(3, expectedSeries.get(0).get("visits"), "the visit across midnight counts on the day it began");

        Map<String, Function<RawVisit, String>> properties = new LinkedHashMap<>();
        properties.put("visit:source", v -> v.first().source());
        properties.put("visit:referrer", v -> v.first().referrer() == null ? "Direct / None" : v.first().referrer());
        properties.put("visit:channel", v -> v.first().channel());
        properties.put("visit:utm_source", v -> v.first().utmSource());
        properties.put("visit:utm_medium", v -> v.first().utmMedium());
        properties.put("visit:utm_campaign", v -> v.first().utmCampaign());
        properties.put("visit:device", v -> v.first().device());
        properties.put("visit:browser", v -> v.first().browser());
        properties.put("visit:os", v -> v.first().os());
        properties.put("visit:country", v -> v.first().country());
        properties.put("visit:entry_page", RawVisit::entryPage);
        for (Map.Entry<String, Function<RawVisit, String>> property : properties.entrySet()) {
            assertBreakdown(property.getKey(), all, property.getValue());
        }
        assertExitPages(all);

        // what the enrichment made of the referrers, checked once by name
        Map<String, Long> sources = visitsBy(all.visits(), v -> v.first().source());
        assertEquals(1L, sources.get("Google"), sources.toString());
        assertEquals(1L, sources.get("Twitter"), sources.toString());
        assertEquals(1L, sources.get("Gmail"), sources.toString());
        assertEquals(3L, sources.get("Direct / None"), "no referrer, or the site's own host: " + sources);
        assertEquals(Map.of("US", 2L, "DE", 1L, "FR", 1L, "JP", 1L, "BR", 2L, "IN", 1L),
                visitsBy(all.visits(), v -> v.first().country()));
        assertEquals(Map.of("Desktop", 5L, "Mobile", 1L, "Tablet", 1L, "Laptop", 1L),
                visitsBy(all.visits(), v -> v.first().device()), "by w, and by the User-Agent without one");
    }

    private void assertBreakdown(String property, RawFigures all, Function<RawVisit, String> valueOf) {
        Map<String, List<RawVisit>> byValue = new TreeMap<>();
        for (RawVisit visit : all.visits()) {
            String value = valueOf.apply(visit);
            if (value != null) {
                byValue.computeIfAbsent(value, v -> new ArrayList<>()).add(visit);
            }
        }
        List<Map<String, Object>> results = stats("breakdown", "site_id", site, "period", "custom", "date", RANGE,
                "property", property, "metrics", "visitors,visits,bounce_rate,visit_duration").then().statusCode(200)
                .extract().jsonPath().getList("results");
        String column = property.substring(property.indexOf(':') + 1);
        Map<String, List<Object>> answered = new TreeMap<>();
        for (Map<String, Object> row : results) {
            answered.put(String.valueOf(row.get(column)), List.of(((Number) row.get("visitors")).longValue(),
                    ((Number) row.get("visits")).longValue(), ((Number) row.get("bounce_rate")).longValue(),
                    ((Number) row.get("visit_duration")).longValue()));
        }
        Map<String, List<Object>> expected = new TreeMap<>();
        byValue.forEach((value, visits) -> expected.put(value, List.of(
                visits.stream().map(v -> v.first().visitor()).distinct().count(), (long) visits.size(),
                all.bounceRate(visits), all.visitDuration(visits))));
        assertEquals(expected, answered, property + " (visitors, visits, bounce rate, duration)");
    }

    private void assertExitPages(RawFigures all) {
        Map<String, Long> exits = visitsBy(all.visits(), RawVisit::exitPage);
        List<Map<String, Object>> results = stats("breakdown", "site_id", site, "period", "custom", "date", RANGE,
                "property", "visit:exit_page", "metrics", "visits,exit_rate").then().statusCode(200).extract()
                .jsonPath().getList("results");
        Map<String, List<Long>> answered = new TreeMap<>();
        results.forEach(row -> answered.put((String) row.get("exit_page"), List.of(
                ((Number) row.get("visits")).longValue(), ((Number) row.get("exit_rate")).longValue())));
        Map<String, List<Long>> expected = new TreeMap<>();
        exits.forEach((page, n) -> expected.put(page, List.of(n, Math.round(100.0 * n / all.pageviewsOf(page)))));
        assertEquals(expected, answered, "exit pages (exits, exit rate)");
    }

    private static Map<String, Long> visitsBy(List<RawVisit> visits, Function<RawVisit, String> key) {
        Map<String, Long> counts = new TreeMap<>();
        visits.forEach(v -> {
            String value = key.apply(v);
            if (value != null) {
                counts.merge(value, 1L, Long::sum);
            }
        });
        return counts;
    }

    private JsonPath aggregate(String period, String date, String metrics) {
        return stats("aggregate", "site_id", site, "period", period, "date", date, "metrics", metrics).then()
                .statusCode(200).extract().jsonPath();
    }

    /** One raw row as MySQL has it (ts in the site's local time for the day it falls on). */
    record Row(String visitId, Instant ts, long visitor, String name, boolean interactive, String path, String source,
            String referrer, String channel, String utmSource, String utmMedium, String utmCampaign, String device,
            String browser, String os, String country) {

        boolean pageview() {
            return name.equals("pageview");
        }

        LocalDate day() {
            return ts.atZone(BERLIN).toLocalDate();
        }
    }

    private List<Row> rows() throws SQLException {
        String url = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        List<Row> rows = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(url, "root", ""); PreparedStatement query = db.prepareStatement(
                "SELECT HEX(visit_id), ts, visitor, name, interactive, path, source, referrer_url, channel, utm_source,"
                        + " utm_medium, utm_campaign, device, browser, os, country FROM page_views WHERE site = ?"
                        + " AND path <> ? ORDER BY ts, id")) {
            query.setString(1, site);
            query.setString(2, Footfall.PROBE);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getString(1), rs.getObject(2, LocalDateTime.class).toInstant(ZoneOffset.UTC),
                            rs.getLong(3), rs.getString(4), rs.getBoolean(5),
                            rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                            rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14), rs.getString(15),
                            rs.getString(16)));
                }
            }
        }
        return rows;
    }

    /** One visit as the raw rows show it: its hits in time order (engagement events left out). */
    record RawVisit(List<Row> hits) {
        Row first() {
            return hits.get(0);
        }

        List<Row> pageviews() {
            return hits.stream().filter(Row::pageview).toList();
        }

        boolean bounce() {
            return pageviews().size() < 2 && hits.stream().noneMatch(h -> !h.pageview() && h.interactive());
        }

        long durationSeconds() {
            return hits.get(hits.size() - 1).ts().getEpochSecond() - first().ts().getEpochSecond();
        }

        String entryPage() {
            return pageviews().isEmpty() ? null : pageviews().get(0).path();
        }

        String exitPage() {
            return pageviews().isEmpty() ? null : pageviews().get(pageviews().size() - 1).path();
        }
    }

    /** The figures of the local days from..to: visits by the day they started, page views by their own day. */
    record RawFigures(List<RawVisit> visits, long visitors, long pageviews, Map<String, Long> pageviewsByPage) {

        static RawFigures of(List<Row> rows, LocalDate from, LocalDate to) {
            Map<String, List<Row>> byVisit = new LinkedHashMap<>();
            rows.stream().filter(r -> !r.name().equals("engagement"))
                    .forEach(r -> byVisit.computeIfAbsent(r.visitId(), id -> new ArrayList<>()).add(r));
            List<RawVisit> visits = byVisit.values().stream().map(RawVisit::new)
                    .filter(v -> !v.first().day().isBefore(from) && !v.first().day().isAfter(to))
                    .sorted(Comparator.comparing(v -> v.first().ts())).toList();
            List<Row> inRange = rows.stream().filter(r -> !r.day().isBefore(from) && !r.day().isAfter(to)).toList();
            Map<String, Long> byPage = new TreeMap<>();
            inRange.stream().filter(Row::pageview).forEach(r -> byPage.merge(r.path(), 1L, Long::sum));
            return new RawFigures(visits, inRange.stream().map(Row::visitor).distinct().count(),
                    inRange.stream().filter(Row::pageview).count(), byPage);
        }

        long bounces() {
            return visits.stream().filter(RawVisit::bounce).count();
        }

        long pageviewsOf(String page) {
            return pageviewsByPage.getOrDefault(page, 0L);
        }

        double viewsPerVisit() {
            return Math.round(100.0 * pageviews / visits.size()) / 100.0;
        }

        long bounceRate(List<RawVisit> of) {
            return Math.round(100.0 * of.stream().filter(RawVisit::bounce).count() / of.size());
        }

        long visitDuration(List<RawVisit> of) {
            return Math.round((double) of.stream().mapToLong(RawVisit::durationSeconds).sum() / of.size());
        }
    }
}
