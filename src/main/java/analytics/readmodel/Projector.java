package analytics.readmodel;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import analytics.sites.SiteZones;
import events.api.DeadLetter;
import events.api.DeadLetters;
import events.api.PageViewRecorded;
import events.api.PageViewSubscriber;
import events.api.Recorded;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Subscribes to PageViewRecorded and keeps the read model; safe to receive a batch twice. An
 * event that keeps failing (a poison event) is retried a few times, then set aside as a dead
 * letter (it lands in failed_jobs) so the events after it keep flowing.
 */
@ApplicationScoped
class Projector implements PageViewSubscriber {

    static final String NAME = "projector";
    static final int MAX_ATTEMPTS = 3;
    private static final Logger LOG = Logger.getLogger(Projector.class);

    private final ReadModel readModel;
    private final SiteZones zones;
    private final Generations generations;
    private final ProjectionFaults faults;
    private final DeadLetters deadLetters;
    private final ObjectMapper json;
    private final MeterRegistry metrics;
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();

    Projector(ReadModel readModel, SiteZones zones, Generations generations, ProjectionFaults faults,
            DeadLetters deadLetters, ObjectMapper json, MeterRegistry metrics) {
        this.readModel = readModel;
        this.zones = zones;
        this.generations = generations;
        this.faults = faults;
        this.deadLetters = deadLetters;
        this.json = json;
        this.metrics = metrics;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void apply(int partition, List<Recorded<PageViewRecorded>> batch) {
        Map<String, List<Recorded<PageViewRecorded>>> bySite = new LinkedHashMap<>();
        Map<String, ZoneId> siteZones = new HashMap<>();
        long skipped = 0;
        for (Recorded<PageViewRecorded> recorded : batch) {
            String site = recorded.event().site();
            ZoneId zone = site == null ? null : siteZones.computeIfAbsent(site, s -> zones.of(s).orElse(null));
            if (zone == null && site != null) {
                skipped++; // the site was deleted after the hit was accepted
                continue;
            }
            bySite.computeIfAbsent(site, s -> new ArrayList<>()).add(recorded);
        }
        long applied;
        try {
            applied = project(siteZones, bySite);
        } catch (RuntimeException e) {
            if (!isPoison(e)) {
                throw e; // Redis is away: the feed retries the whole batch later
            }
            applied = projectOneByOne(siteZones, bySite);
        }
        metrics.counter("footfall.projector.applied").increment(applied);
        metrics.counter("footfall.projector.skipped").increment(skipped);
    }

    private long project(Map<String, ZoneId> siteZones, Map<String, List<Recorded<PageViewRecorded>>> bySite) {
        bySite.values().forEach(events -> events.forEach(recorded -> faults.check(recorded.event())));
        Generations.State state = generations.state(true);
        ReadModelKeys current = state.current();
        long applied = readModel.apply(current, current::position, siteZones, bySite);
        // during a rebuild, the new generation gets the live events from its cutoff on; older ones come replayed
        state.building().ifPresent(building -> readModel.apply(building.keys(), building.keys()::position,
                siteZones, from(building.cutoffMillis(), bySite)));
        return applied;
    }

    /** Finds the poison: each event alone; one that fails MAX_ATTEMPTS times becomes a dead letter. */
    private long projectOneByOne(Map<String, ZoneId> siteZones,
            Map<String, List<Recorded<PageViewRecorded>>> bySite) {
        long applied = 0;
        for (List<Recorded<PageViewRecorded>> events : bySite.values()) {
            for (Recorded<PageViewRecorded> recorded : events) {
                String site = recorded.event().site();
                try {
                    applied += project(siteZones, Collections.singletonMap(site, List.of(recorded)));
                    failures.remove(recorded.event().eventId());
                } catch (RuntimeException e) {
                    if (!isPoison(e)) {
                        throw e;
                    }
                    int attempts = failures.merge(recorded.event().eventId(), 1, Integer::sum);
                    if (attempts < MAX_ATTEMPTS) {
                        throw e; // retried with the whole batch after a pause
                    }
                    setAside(recorded, e, attempts);
                }
            }
        }
        return applied;
    }

    private void setAside(Recorded<PageViewRecorded> recorded, RuntimeException error, int attempts) {
        PageViewRecorded event = recorded.event();
        LOG.errorf("event %s at %s failed %d times, set aside: %s", event.eventId(), recorded.position(), attempts,
                error.getMessage());
        try {
            deadLetters.publish(new DeadLetter("projector", event.eventId(), json.writeValueAsString(event),
                    error.getClass().getSimpleName() + ": " + error.getMessage(), attempts));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        failures.remove(event.eventId());
        metrics.counter("footfall.projector.dead.letters").increment();
    }

    /** A fault in the event or in our code, not an unreachable Redis. */
    static boolean isPoison(Throwable e) {
        if (e instanceof IllegalArgumentException || e instanceof UnsupportedOperationException
                || e instanceof NullPointerException || e instanceof DateTimeException
                || e instanceof ArithmeticException || e instanceof IllegalStateException
                && String.valueOf(e.getMessage()).startsWith("injected")) {
            return true;
        }
        String message = String.valueOf(e.getMessage());
        return message.startsWith("ERR") || message.startsWith("WRONGTYPE");
    }

    static Map<String, List<Recorded<PageViewRecorded>>> from(long cutoffMillis,
            Map<String, List<Recorded<PageViewRecorded>>> bySite) {
        Map<String, List<Recorded<PageViewRecorded>>> later = new LinkedHashMap<>();
        bySite.forEach((site, events) -> {
            List<Recorded<PageViewRecorded>> kept = events.stream()
                    .filter(e -> e.event().timestamp() >= cutoffMillis).toList();
            if (!kept.isEmpty()) {
                later.put(site, kept);
            }
        });
        return later;
    }
}
