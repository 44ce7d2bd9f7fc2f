package analytics.web;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The login session: a signed cookie "userId.sessionVersion.issuedAt.signature", HttpOnly, SameSite=Lax,
 * Secure over TLS. Stateless, so every replica with the same secret accepts it; bumping the user's
 * session version ends all of their sessions.
 */
@ApplicationScoped
public class SessionCookie {

    static final String NAME = "footfall-session";
    private static final Duration RENEW_AFTER = Duration.ofMinutes(1);

    public record Session(long userId, int version, long issuedAt) {
    }

    private final Signer signer;
    private final Clock clock;
    private final Duration timeout;

    SessionCookie(Signer signer, Clock clock, SessionConfig config) {
        this.signer = signer;
        this.clock = clock;
        this.timeout = config.timeout();
    }

    public void issue(RoutingContext context, long userId, int version) {
        String data = userId + "." + version + "." + clock.instant().getEpochSecond();
        context.response().addCookie(cookie(context, data + "." + signer.sign(Signer.Purpose.SESSION, data))
                .setMaxAge(timeout.toSeconds()));
    }

    public void clear(RoutingContext context) {
        context.response().addCookie(cookie(context, "").setMaxAge(0));
    }

    /** The valid, unexpired session the request carries. */
    public Optional<Session> read(RoutingContext context) {
        Cookie cookie = context.request().getCookie(NAME);
        if (cookie == null) {
            return Optional.empty();
        }
        String value = cookie.getValue();
        int cut = value.lastIndexOf('.');
        if (cut < 0 || !signer.verify(Signer.Purpose.SESSION, value.substring(0, cut), value.substring(cut + 1))) {
            return Optional.empty();
        }
        String[] parts = value.substring(0, cut).split("\\.");
        try {
            Session session = new Session(Long.parseLong(parts[0]), Integer.parseInt(parts[1]),
                    Long.parseLong(parts[2]));
            long age = clock.instant().getEpochSecond() - session.issuedAt();
            return age >= 0 && age < timeout.toSeconds() ? Optional.of(session) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Slides the expiry forward while the person keeps using Footfall. */
    public void renewIfOld(RoutingContext context, Session session) {
        if (clock.instant().getEpochSecond() - session.issuedAt() > RENEW_AFTER.toSeconds()) {
            issue(context, session.userId(), session.version());
        }
    }

    static boolean secure(RoutingContext context) {
        return context.request().isSSL() || "https".equalsIgnoreCase(context.request().getHeader("X-Forwarded-Proto"));
    }

    private static Cookie cookie(RoutingContext context, String value) {
        return Cookie.cookie(NAME, value).setPath("/").setHttpOnly(true).setSameSite(CookieSameSite.LAX)
                .setSecure(secure(context));
    }
}
