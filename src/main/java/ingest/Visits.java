package ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import events.api.Acquisition;
import events.api.KeyPrefix;
import events.api.Visit;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Assigns each hit to its visitor's visit at ingest, in one atomic Redis step shared by every replica
 * (ingest/visit.lua). The answer is stored in the hit's raw row, so a rebuild replays the same visits.
 */
@ApplicationScoped
class Visits {

    /** Plausible's rule: 30 minutes without an event end a visit. */
    static final Duration TIMEOUT = Duration.ofMinutes(30);
    private static final String SCRIPT = load();
    private static final String SEPARATOR = "\u001f";

    private final Redis redis;
    private final String prefix;

    Visits(Redis redis, KeyPrefix prefix) {
        this.redis = redis;
        this.prefix = prefix.value();
    }

    /** What a hit is to its visit. */
    enum Kind {
        PAGEVIEW("p"), INTERACTIVE("i"), NON_INTERACTIVE("n"), ENGAGEMENT("e");

        final String code;

        Kind(String code) {
            this.code = code;
        }
    }

    /**
     * @param source the hit's own acquisition; kept only if the hit starts a visit, and what every
     *               later hit of the visit is given back as the visit's
     */
    Uni<Visit> assign(String site, VisitorIds.Ids visitor, Instant at, String eventId, Kind kind, String path,
            Acquisition source) {
        Request call = Request.cmd(Command.EVAL).arg(SCRIPT);
        if (visitor.yesterday() == null) {
            call.arg(1).arg(key(site, visitor.today()));
        } else {
            call.arg(2).arg(key(site, visitor.today())).arg(key(site, visitor.yesterday()));
        }
        call.arg(at.toEpochMilli()).arg(eventId).arg(kind.code).arg(path).arg(TIMEOUT.toMillis()).arg(encode(source));
        return redis.send(call).map(Visits::visit);
    }

    /** In the site's hash slot ({site}), but apart from the read model's keys (which start with "prefix:{site}:"). */
    String key(String site, long visitor) {
        return prefix + ":visit:{" + site + "}:" + visitor;
    }

    private static Visit visit(Response answer) {
        if (answer == null || answer.size() == 0) {
            return Visit.NONE;
        }
        return new Visit(answer.get(0).toString(), Long.parseLong(answer.get(1).toString()), answer.get(2).toInteger(),
                answer.get(3).toLong(), text(answer.get(4)), text(answer.get(5)), decode(answer.get(6).toString()));
    }

    // one string in the visit's hash: the fields, unit-separated (enrichment removes control characters)
    static String encode(Acquisition source) {
        return String.join(SEPARATOR, blank(source.referrerHost()), blank(source.source()), blank(source.referrer()),
                blank(source.channel()), blank(source.utmSource()), blank(source.utmMedium()),
                blank(source.utmCampaign()), blank(source.utmContent()), blank(source.utmTerm()));
    }

    static Acquisition decode(String encoded) {
        String[] f = encoded.split(SEPARATOR, -1);
        if (f.length != 9) {
            return Acquisition.NONE;
        }
        return new Acquisition(nullIfBlank(f[0]), nullIfBlank(f[1]), nullIfBlank(f[2]), nullIfBlank(f[3]),
                nullIfBlank(f[4]), nullIfBlank(f[5]), nullIfBlank(f[6]), nullIfBlank(f[7]), nullIfBlank(f[8]));
    }

    private static String blank(String value) {
        return value == null ? "" : value.replace(SEPARATOR, "");
    }

    private static String nullIfBlank(String value) {
        return value.isEmpty() ? null : value;
    }

    private static String text(Response value) {
        String text = value == null ? "" : value.toString();
        return text.isEmpty() ? null : text;
    }

    private static String load() {
        try (InputStream in = Visits.class.getResourceAsStream("/ingest/visit.lua")) {
            if (in == null) {
                throw new IllegalStateException("missing script ingest/visit.lua");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
