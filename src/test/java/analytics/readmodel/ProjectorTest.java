package analytics.readmodel;

import static java.util.stream.Collectors.toSet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static support.Footfall.createSite;
import static support.Footfall.stats;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import events.api.Acquisition;
import events.api.PageViewRecorded;
import events.api.Visit;
import events.api.Recorded;
import support.PageViews;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import jakarta.inject.Inject;
import support.Footfall;
import support.SiteKeys;

/** The projector applies each event once, however often it is delivered. */
@QuarkusTest
class ProjectorTest {

    @Inject
    Projector projector;
    @Inject
    Redis redis;

    @Test
    void deliveringTheSameEventsAgainChangesNoNumber() {
        String site = Footfall.uniqueDomain("projector");
        createSite(site, "America/New_York");
        List<Recorded<PageViewRecorded>> batch = List.of(
                recorded("1000-0", site, "2026-11-10T15:00:00Z", "/", 1L),
                recorded("1000-1", site, "2026-11-10T15:01:00Z", "/", 2L),
                recorded("1001-0", site, "2026-11-10T15:02:00Z", "/pricing", 1L));

        projector.apply(0, batch);
        JsonPath first = totals(site);
        assertEquals(2, first.getLong("results.visitors.value"));
        assertEquals(3, first.getLong("results.pageviews.value"));

        projector.apply(0, batch);
        projector.apply(0, List.of(batch.get(1)));
        JsonPath again = totals(site);
        assertEquals(2, again.getLong("results.visitors.value"));
        assertEquals(3, again.getLong("results.pageviews.value"));

        // a later event still counts, an earlier one that shows up late does not
        projector.apply(0, List.of(recorded("999-5", site, "2026-11-10T16:00:00Z", "/", 3L),
                recorded("1002-0", site, "2026-11-10T16:00:00Z", "/", 4L)));
        JsonPath last = totals(site);
        assertEquals(3, last.getLong("results.visitors.value"));
        assertEquals(4, last.getLong("results.pageviews.value"));
        assertEquals(List.of(Map.of("page", "/", "visitors", 3, "pageviews", 3),
                Map.of("page", "/pricing", "visitors", 1, "pageviews", 1)),
                stats("breakdown", "site_id", site, "period", "day", "date", "2026-11-10", "property", "event:page")
                        .then().statusCode(200).extract().jsonPath().getList("results"));
    }

    @Test
    void changesThatCancelOutInOneBatchOrOneEventAreNoChange() {
        String site = Footfall.uniqueDomain("bounce");
        createSite(site, "UTC");
        // recent, so that its hourly keys are written (with an expiry) too
        Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(2));
        Acquisition google = new Acquisition("google.com", "Google", "google.com", "Organic Search", null, null, null,
                null, null);
        Visit first = new Visit("v1", start.toEpochMilli(), Visit.STARTS | Visit.BOUNCE | Visit.ENTRY
                | Visit.ENTRY_BOUNCE, 0, null, "/", google);
        Visit second = new Visit("v1", start.toEpochMilli(), Visit.UNBOUNCE, 90_000, "/", "/", google);
        projector.apply(0, List.of(new Recorded<>(0, "1000-0", visiting(site, start, "/", first)),
                new Recorded<>(0, "1000-1", visiting(site, start.plusSeconds(90), "/", second)))); // a reload: exit stays
        JsonPath totals = stats("aggregate", "site_id", site, "period", "24h", "metrics",
                "visits,bounce_rate,visit_duration").then().statusCode(200).extract().jsonPath();
        assertEquals(1, totals.getLong("results.visits.value"));
        assertEquals(0, totals.getLong("results.bounce_rate.value"));
        assertEquals(90, totals.getLong("results.visit_duration.value"));
        assertEquals(List.of(Map.of("source", "Google", "visits", 1, "bounce_rate", 0)),
                stats("breakdown", "site_id", site, "period", "24h", "property",
                        "visit:source", "metrics", "visits,bounce_rate").then().statusCode(200).extract().jsonPath()
                        .getList("results"));
        assertEquals(List.of(Map.of("exit_page", "/", "visits", 1)), stats("breakdown", "site_id", site, "period",
                "24h", "property", "visit:exit_page", "metrics", "visits").then().statusCode(200).extract().jsonPath()
                .getList("results"));
    }

    private static PageViewRecorded visiting(String site, Instant at, String path, Visit visit) {
        PageViewRecorded plain = PageViews.pageView(site, at, path, 7L);
        return new PageViewRecorded(plain.version(), plain.eventId(), site, plain.timestamp(), plain.name(), path,
                plain.visitor(), true, visit.source(), plain.device(), plain.location(), visit, Map.of());
    }

    @Test
    void hourlyKeysExpireFromTheEndOfTheirHourAndOldHoursAreNotWritten() {
        String site = Footfall.uniqueDomain("expiry");
        createSite(site, "UTC");
        Instant now = Instant.now();
        Instant recent = now.minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.HOURS).plusSeconds(125);
        Instant old = now.minus(Duration.ofDays(20)).truncatedTo(ChronoUnit.HOURS).plusSeconds(125);
        projector.apply(0, List.of(recorded("1000-0", site, old.toString(), "/old", 1L),
                recorded("1000-1", site, recent.toString(), "/recent", 2L),
                recorded("1000-2", site, now.toString(), "/now", 3L)));

        Map<String, Long> expiries = expiries(site);
        long recentHourEnd = recent.truncatedTo(ChronoUnit.HOURS).getEpochSecond() + 3600;
        assertAbout(recentHourEnd + ttl("footfall.read-model.hour-ttl"),
                expiries.get("pv:h:" + (recentHourEnd - 3600)));
        assertAbout(recentHourEnd + ttl("footfall.read-model.page-hour-ttl"),
                expiries.get("pagev:h:" + (recentHourEnd - 3600) + ":/recent"));
        long nowMinute = now.getEpochSecond() / 60;
        assertAbout((nowMinute + 1) * 60 + REALTIME_TTL.toSeconds(), expiries.get("rt:" + nowMinute));
        // 20 days ago is past every hourly TTL: only day and month keys, which never expire
        long oldHour = old.truncatedTo(ChronoUnit.HOURS).getEpochSecond();
        assertEquals(List.of(), expiries.keySet().stream().filter(k -> k.contains(Long.toString(oldHour))).toList());
        assertEquals(-1, expiries.get("pagev:d:" + LocalDate.ofInstant(old, ZoneOffset.UTC) + ":/old"));
        long nowHour = now.truncatedTo(ChronoUnit.HOURS).getEpochSecond();
        assertEquals(Set.of("rt:" + nowMinute, "pv:h:" + (recentHourEnd - 3600), "pv:h:" + nowHour),
                expiries.keySet().stream().filter(k -> k.startsWith("rt:") || k.startsWith("pv:h:")).collect(toSet()));
        assertEquals(1, stats("aggregate", "site_id", site, "period", "day", "date",
                LocalDate.ofInstant(old, ZoneOffset.UTC).toString(), "metrics", "pageviews")
                .then().statusCode(200).extract().jsonPath().getLong("results.pageviews.value"));
    }

    /** ReadModel's realtime TTL: a constant in the code, not a configuration key. */
    static final Duration REALTIME_TTL = Duration.ofMinutes(10);

    /** A read-model TTL as the application is configured, in seconds. */
    private static long ttl(String key) {
        return ConfigProvider.getConfig().getValue(key, Duration.class).toSeconds();
    }

    /** Expiries are set as TTLs counted from the application's clock: a second may pass meanwhile. */
    private static void assertAbout(long expected, Long actual) {
        assertTrue(actual != null && Math.abs(expected - actual) <= 2, "expires at " + actual + ", not " + expected);
    }

    /** Every read-model key of the site (without the site's prefix) and its EXPIRETIME (-1: none). */
    private Map<String, Long> expiries(String site) {
        Map<String, Long> expiries = new TreeMap<>();
        for (String name : SiteKeys.of(redis, site, "*")) {
            long at = redis.send(Request.cmd(Command.EXPIRETIME).arg(name)).await().indefinitely().toLong();
            // strip "prefix:{site}:gN:"
            expiries.put(name.substring(name.indexOf(':', name.indexOf("}:g") + 3) + 1), at);
        }
        return expiries;
    }

    private static JsonPath totals(String site) {
        return stats("aggregate", "site_id", site, "period", "day", "date", "2026-11-10", "metrics",
                "visitors,pageviews").then().statusCode(200).extract().jsonPath();
    }

    private static Recorded<PageViewRecorded> recorded(String position, String site, String at, String path,
            long visitor) {
        return new Recorded<>(0, position, PageViews.pageView(site, Instant.parse(at), path, visitor));
    }
}
