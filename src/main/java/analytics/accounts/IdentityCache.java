package analytics.accounts;

import java.time.Duration;
import java.util.Optional;

import analytics.web.Caller;
import events.api.KeyPrefix;
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
public class IdentityCache {

    static final Duration TTL = Duration.ofMinutes(5);
    private static final String STALE = "-";
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);

    private final Redis redis;
    private final String prefix;

    IdentityCache(Redis redis, KeyPrefix prefix) {
        this.redis = redis;
        this.prefix = prefix.value();
    }

    /** The user as cached: id, session version, admin flag and email. */
    private static String encode(Caller user) {
        return user.userId() + "|" + user.sessionVersion() + "|" + (user.admin() ? 1 : 0) + "|" + user.email();
    }

    private static Caller decode(String value) {
        String[] parts = value.split("\\|", 4);
        return new Caller(Long.parseLong(parts[0]), parts[3], "1".equals(parts[2]), Integer.parseInt(parts[1]));
    }

    /** The user of the API key with this hash, if cached (empty: ask MySQL). */
    public Uni<Optional<Caller>> byKey(String keyHash) {
        return get(keyKey(keyHash));
    }

    /** The user with this id, if cached (empty: ask MySQL). */
    public Uni<Optional<Caller>> byId(long userId) {
        return get(userKey(userId));
    }

    /** Remembers what MySQL said about an active key; never replaces a marker. */
    public void rememberKey(String keyHash, Caller user) {
        setIfAbsent(keyKey(keyHash), encode(user));
    }

    public void rememberUser(Caller user) {
        setIfAbsent(userKey(user.userId()), encode(user));
    }

    /** After a key was revoked (call it after the commit). */
    void keyChanged(String keyHash) {
        mark(keyKey(keyHash));
    }

    /** After a user's sessions, password or role changed (call it after the commit). */
    void userChanged(long userId) {
        mark(userKey(userId));
    }

    private Uni<Optional<Caller>> get(String key) {
        return redis.send(Request.cmd(Command.GET).arg(key)).map(value -> value == null || STALE.equals(value.toString())
                ? Optional.<Caller>empty() : Optional.of(decode(value.toString())));
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
