package analytics;

import java.time.Duration;
import java.util.Optional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Who an API key or a session belongs to, kept in Redis for a few minutes, so that a Stats API
 * call or a dashboard page does not go to MySQL to authenticate. It is shared by all replicas,
 * so revoking a key or ending sessions takes effect everywhere at once: those write a
 * "look in MySQL" marker that a lookup racing with them cannot overwrite (entries are only
 * added with SET NX), and that lasts as long as an entry would.
 */
@ApplicationScoped
class IdentityCache {

    static final Duration TTL = Duration.ofMinutes(5);
    private static final String STALE = "-";
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);

    private final Redis redis;
    private final String prefix;

    IdentityCache(Redis redis, @ConfigProperty(name = "footfall.key-prefix", defaultValue = "ff") String prefix) {
        this.redis = redis;
        this.prefix = prefix;
    }

    /** The user as cached: id, session version, admin flag and email. */
    record Known(long id, int sessionVersion, boolean admin, String email) {

        static Known of(User user) {
            return new Known(user.id, user.sessionVersion, user.admin, user.email);
        }

        String encode() {
            return id + "|" + sessionVersion + "|" + (admin ? 1 : 0) + "|" + email;
        }

        static Known decode(String value) {
            String[] parts = value.split("\\|", 4);
            return new Known(Long.parseLong(parts[0]), Integer.parseInt(parts[1]), "1".equals(parts[2]), parts[3]);
        }
    }

    /** The user of the API key with this hash, if cached (empty: ask MySQL). */
    Uni<Optional<Known>> byKey(String keyHash) {
        return get(keyKey(keyHash));
    }

    /** The user with this id, if cached (empty: ask MySQL). */
    Uni<Optional<Known>> byId(long userId) {
        return get(userKey(userId));
    }

    /** Remembers what MySQL said about an active key; never replaces a marker. */
    void rememberKey(String keyHash, Known user) {
        setIfAbsent(keyKey(keyHash), user.encode());
    }

    void rememberUser(Known user) {
        setIfAbsent(userKey(user.id()), user.encode());
    }

    /** After a key was revoked (call it after the commit). */
    void keyChanged(String keyHash) {
        mark(keyKey(keyHash));
    }

    /** After a user's sessions, password or role changed (call it after the commit). */
    void userChanged(long userId) {
        mark(userKey(userId));
    }

    private Uni<Optional<Known>> get(String key) {
        return redis.send(Request.cmd(Command.GET).arg(key)).map(value -> value == null || STALE.equals(value.toString())
                ? Optional.<Known>empty() : Optional.of(Known.decode(value.toString())));
    }

    private void setIfAbsent(String key, String value) {
        redis.send(Request.cmd(Command.SET).arg(key).arg(value).arg("NX").arg("EX").arg(TTL.toSeconds()))
                .subscribe().with(ok -> { }, failure -> { }); // only a cache: MySQL stays the truth
    }

    private void mark(String key) {
        redis.send(Request.cmd(Command.SET).arg(key).arg(STALE).arg("EX").arg(TTL.toSeconds()))
                .await().atMost(CALL_TIMEOUT);
    }

    private String keyKey(String keyHash) {
        return prefix + ":auth:key:" + keyHash;
    }

    private String userKey(long userId) {
        return prefix + ":auth:user:" + userId;
    }
}
