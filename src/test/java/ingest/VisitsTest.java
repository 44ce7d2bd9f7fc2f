package ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import events.api.Acquisition;
import events.api.Visit;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** Visit assignment on the real Redis: Plausible's 30-minute rule, bounces, entry and exit pages, durations. */
@QuarkusTest
class VisitsTest {

    private static final AtomicLong VISITORS = new AtomicLong(System.nanoTime());
    private static final Instant T0 = Instant.parse("2026-11-30T23:40:00Z");

    @Inject
    Visits visits;

    private final String site = "visits-" + System.nanoTime() + ".example";

    private Visit hit(long visitor, Instant at, String id, Visits.Kind kind, String path) {
        Acquisition source = new Acquisition("ref-" + id + ".example", "source of " + id, null, "Referral", null, null,
                "campaign " + id, null, null);
        return visits.assign(site, new VisitorIds.Ids(visitor, null), at, id, kind, path, source).await()
                .atMost(Duration.ofSeconds(5));
    }

    @Test
    void aVisitGoesOnWithinThirtyMinutesAcrossMidnightAndEndsAtThirty() {
        long visitor = VISITORS.incrementAndGet();
        Visit first = hit(visitor, T0, "e1", Visits.Kind.PAGEVIEW, "/a");
        assertEquals("e1", first.id());
        assertEquals(T0.toEpochMilli(), first.startMillis());
        assertEquals(Visit.STARTS | Visit.BOUNCE | Visit.ENTRY | Visit.ENTRY_BOUNCE, first.flags());
        assertEquals(0, first.addedMillis());
        assertNull(first.exitFrom());
        assertEquals("/a", first.entryPage());

        Instant almost = T0.plus(Duration.ofMinutes(30)).minusMillis(1); // past midnight, 1 ms short of the gap
        Visit second = hit(visitor, almost, "e2", Visits.Kind.PAGEVIEW, "/b");
        assertEquals("e1", second.id());
        assertEquals(Visit.UNBOUNCE, second.flags());
        assertEquals(Duration.ofMinutes(30).toMillis() - 1, second.addedMillis());
        assertEquals("/a", second.exitFrom());
        assertEquals("/a", second.entryPage());
        assertEquals("source of e1", second.source().source(), "later hits get the first hit's acquisition");
        assertEquals("campaign e1", second.source().utmCampaign());
        assertEquals("ref-e1.example", second.source().referrerHost());

        Visit third = hit(visitor, almost.plus(Duration.ofMinutes(30)), "e3", Visits.Kind.PAGEVIEW, "/c");
        assertEquals("e3", third.id(), "30 minutes without an event end the visit");
        assertEquals(Visit.STARTS | Visit.BOUNCE | Visit.ENTRY | Visit.ENTRY_BOUNCE, third.flags());
        assertEquals("source of e3", third.source().source());
    }

    @Test
    void onlyInteractiveEventsAndSecondPageViewsEndABounce() {
        long visitor = VISITORS.incrementAndGet();
        hit(visitor, T0, "n1", Visits.Kind.PAGEVIEW, "/a");
        Visit quiet = hit(visitor, T0.plusSeconds(10), "n2", Visits.Kind.NON_INTERACTIVE, "/a");
        assertEquals(0, quiet.flags());
        assertEquals(10_000, quiet.addedMillis());
        Visit engagement = hit(visitor, T0.plusSeconds(20), "n3", Visits.Kind.ENGAGEMENT, "/a");
        assertEquals(0, engagement.flags());
        assertEquals(0, engagement.addedMillis(), "engagement events do not lengthen a visit");
        assertEquals("n1", engagement.id());
        Visit signup = hit(visitor, T0.plusSeconds(30), "n4", Visits.Kind.INTERACTIVE, "/a");
        assertEquals(Visit.UNBOUNCE, signup.flags());
        Visit next = hit(visitor, T0.plusSeconds(40), "n5", Visits.Kind.PAGEVIEW, "/b");
        assertEquals(0, next.flags(), "the bounce ended once");
        assertEquals("/a", next.exitFrom());
    }

    @Test
    void aVisitGoesOnAfterMidnightUnderTheNewDaysVisitorId() {
        long yesterday = VISITORS.incrementAndGet();
        long today = VISITORS.incrementAndGet();
        hit(yesterday, T0, "m1", Visits.Kind.PAGEVIEW, "/a");
        Visit after = visits.assign(site, new VisitorIds.Ids(today, yesterday), T0.plus(Duration.ofMinutes(25)), "m2",
                Visits.Kind.PAGEVIEW, "/b", Acquisition.NONE).await().atMost(Duration.ofSeconds(5));
        assertEquals("m1", after.id(), "the salt changed at midnight, the visit did not end");
        assertEquals(Visit.UNBOUNCE, after.flags());
        Visit next = hit(today, T0.plus(Duration.ofMinutes(26)), "m3", Visits.Kind.PAGEVIEW, "/c");
        assertEquals("m1", next.id(), "and it goes on under today's id");
        assertEquals("/b", next.exitFrom());
    }

    @Test
    void engagementOutsideAVisitStartsNone() {
        Visit lone = hit(VISITORS.incrementAndGet(), T0, "x1", Visits.Kind.ENGAGEMENT, "/a");
        assertEquals(Visit.NONE, lone);
    }

    @Test
    void aVisitStartingWithAnInteractiveEventIsNoBounceAndItsFirstPageViewIsItsEntry() {
        long visitor = VISITORS.incrementAndGet();
        Visit click = hit(visitor, T0, "i1", Visits.Kind.INTERACTIVE, "/a");
        assertEquals(Visit.STARTS, click.flags());
        assertNull(click.entryPage());
        Visit view = hit(visitor, T0.plusSeconds(5), "i2", Visits.Kind.PAGEVIEW, "/a");
        assertEquals(Visit.ENTRY, view.flags(), "an entry page view of an engaged visit is no bounce");
        assertNotEquals(null, view.entryPage());
    }
}
