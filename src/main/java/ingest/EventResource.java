package ingest;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import events.api.Acquisition;
import events.api.Device;
import events.api.HitQueue;
import events.api.Location;
import events.api.PageViewRecorded;
import events.api.SiteEvents;
import ingest.enrich.Enriched;
import ingest.enrich.Enrichment;
import ingest.enrich.HitFacts;
import ingest.enrich.Utm;
import io.netty.util.NetUtil;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The public, Plausible-compatible endpoint. Runs on the event loop: parse, drop bots and unknown
 * sites, enrich, then put the hit on the durable queue and answer 202 only once Redis has it.
 */
@Path("/api/event")
public class EventResource {

    static final String DROPPED = "X-Footfall-Dropped";

    private final HitParser parser;
    private final UserAgents agents;
    private final SiteDirectory sites;
    private final ClientAddress clients;
    private final VisitorIds visitors;
    private final Enrichment enrichment;
    private final Visits visits;
    private final HitQueue queue;
    private final SiteEvents siteEvents;
    private final RateLimiter limits;
    private final ReferrerSpam spam;
    private final IngestMetrics metrics;
    private final IngestConfig config;
    private final ObjectMapper json;
    private final Clock clock;

    EventResource(HitParser parser, UserAgents agents, SiteDirectory sites, ClientAddress clients,
            VisitorIds visitors, Enrichment enrichment, Visits visits, HitQueue queue, SiteEvents siteEvents, RateLimiter limits, ReferrerSpam spam,
            IngestMetrics metrics, IngestConfig config, ObjectMapper json,
            Clock clock) {
        this.parser = parser;
        this.agents = agents;
        this.sites = sites;
        this.clients = clients;
        this.visitors = visitors;
        this.enrichment = enrichment;
        this.visits = visits;
        this.queue = queue;
        this.siteEvents = siteEvents;
        this.limits = limits;
        this.spam = spam;
        this.metrics = metrics;
        this.config = config;
        this.json = json;
        this.clock = clock;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Uni<Response> record(byte[] body, @Context HttpServerRequest request) {
        ParsedHit hit;
        PageUrl page;
        try {
            hit = parser.parse(body);
            page = PageUrl.parse(hit.url(), hit.hashMode());
        } catch (BadHit bad) {
            metrics.rejected(bad.field);
            return Uni.createFrom().item(cors(Response.status(bad.status).type(MediaType.APPLICATION_JSON)
                    .entity(Map.of("error", bad.getMessage(), "field", bad.field))).build());
        }
        String userAgent = request.getHeader("User-Agent");
        Agent agent = agents.parse(userAgent);
        if (agent.bot()) {
            return dropped("bot");
        }
        if (!siteEvents.caughtUp()) {
            // until this replica has read every site, an unknown domain may just be unread: ask to retry
            return Uni.createFrom().item(unavailable("Footfall is starting; retry in a moment"));
        }
        List<String> known = hit.domains().stream().filter(domain -> sites.zoneOf(domain) != null).toList();
        if (known.isEmpty()) {
            return dropped("unknown-site");
        }
        if (spam.isSpam(Referrers.host(hit.referrer(), ""))) {
            return dropped("referrer-spam");
        }
        String peer = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        String ip = clients.of(peer, request.getHeader("X-Forwarded-For"), request.getHeader("Forwarded"));
        List<String> counted = known.stream().filter(domain -> !sites.excludes(domain, ip)).toList();
        if (counted.isEmpty()) {
            return dropped("excluded");
        }
        Instant now = clock.instant();
        String exceeded = limits.check(ip, counted.get(0), System.currentTimeMillis());
        if (exceeded != null) {
            metrics.rejected("rate-limit");
            return Uni.createFrom().item(cors(Response.status(429).type(MediaType.APPLICATION_JSON)
                    .header("Retry-After", "1")
                    .entity(Map.of("error", "too many hits from this " + exceeded + "; slow down"))).build());
        }
        InetAddress address = ip.isEmpty() ? null : NetUtil.createInetAddressFromIpAddressString(ip);
        List<Uni<Void>> writes = new ArrayList<>(counted.size());
        for (String site : counted) {
            ZoneId zone = sites.zoneOf(site);
            Enriched enriched = enrichment.enrich(new HitFacts(hit.url(), hit.referrer(), site, userAgent,
                    hit.screenWidth(), address));
            Acquisition source = acquisition(hit, site, enriched);
            String eventId = EventIds.next(now.toEpochMilli()).toString();
            writes.add(visitors.withYesterday(site, zone, now, ip, userAgent)
                    .chain(visitor -> visits.assign(site, visitor, now, eventId, kind(hit), page.path(), source)
                            .map(visit -> new PageViewRecorded(PageViewRecorded.VERSION, eventId, site,
                                    now.toEpochMilli(), hit.name(), page.path(), visitor.today(), hit.interactive(),
                                    source, device(enriched), location(enriched), visit, hit.props())))
                    .chain(event -> queue.enqueue(site, encode(event))));
        }
        return Uni.join().all(writes).andFailFast()
                .ifNoItem().after(config.enqueueTimeout()).fail()
                .map(done -> {
                    metrics.accepted();
                    return cors(Response.accepted("ok").type(MediaType.TEXT_PLAIN)).build();
                })
                .onFailure().recoverWithItem(failure -> {
                    metrics.dropped("queue-unavailable");
                    return unavailable("the hit queue is unavailable; retry later");
                });
    }

    private static Response unavailable(String message) {
        return cors(Response.status(503).type(MediaType.APPLICATION_JSON).header("Retry-After", "5")
                .entity(Map.of("error", message))).build();
    }

    @OPTIONS
    public Response preflight() {
        return cors(Response.noContent()).header("Access-Control-Allow-Methods", "POST, OPTIONS")
                .header("Access-Control-Allow-Headers", "Content-Type").header("Access-Control-Max-Age", "86400")
                .build();
    }

    private Uni<Response> dropped(String reason) {
        metrics.dropped(reason);
        return Uni.createFrom().item(cors(Response.accepted("ok").type(MediaType.TEXT_PLAIN)
                .header(DROPPED, reason)).build());
    }

    private static Response.ResponseBuilder cors(Response.ResponseBuilder response) {
        return response.header("Access-Control-Allow-Origin", "*")
                .header("Access-Control-Expose-Headers", DROPPED);
    }

    private static Visits.Kind kind(ParsedHit hit) {
        if (PageViewRecorded.PAGEVIEW.equals(hit.name())) {
            return Visits.Kind.PAGEVIEW;
        }
        if (PageViewRecorded.ENGAGEMENT.equals(hit.name())) {
            return Visits.Kind.ENGAGEMENT;
        }
        return hit.interactive() ? Visits.Kind.INTERACTIVE : Visits.Kind.NON_INTERACTIVE;
    }

    private static Acquisition acquisition(ParsedHit hit, String site, Enriched enriched) {
        ingest.enrich.Acquisition found = enriched.acquisition();
        Utm utm = found.utm();
        return new Acquisition(Referrers.host(hit.referrer(), site), found.source(), found.referrer(),
                found.channel() == null ? null : found.channel().label(), utm.source(), utm.medium(), utm.campaign(),
                utm.content(), utm.term());
    }

    private static Device device(Enriched enriched) {
        ingest.enrich.Device found = enriched.device();
        return new Device(found.screenSize(), found.browser(), found.browserVersion(), found.os(), found.osVersion());
    }

    private static Location location(Enriched enriched) {
        ingest.enrich.Location found = enriched.location();
        return new Location(found.countryCode(), found.regionCode(), found.cityName());
    }

    private String encode(PageViewRecorded event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
