package analytics.auth;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import analytics.accounts.ApiKey;
import events.api.KeyPrefix;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Failed logins per account and per IP, counted in Redis for 15 minutes so every replica sees them.
 * After 5 failures for either, logins are refused (429) until the count expires.
 */
@ApplicationScoped
class LoginThrottle {

    static final int MAX_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);

    private final Redis redis;
    private final String prefix;

    LoginThrottle(Redis redis, KeyPrefix prefix) {
        this.redis = redis;
        this.prefix = prefix.value();
    }

    /** How long until this account and IP may try again, if either has failed too often. */
    Optional<Duration> blocked(String email, String ip) {
        long wait = 0;
        for (String key : List.of(account(email), address(ip))) { // one key per batch: no cross-slot batches
            List<Response> count = batch(List.of(Request.cmd(Command.GET).arg(key), Request.cmd(Command.TTL).arg(key)));
            if (count.get(0) != null && count.get(0).toLong() >= MAX_FAILURES) {
                wait = Math.max(wait, Math.max(1, count.get(1).toLong()));
            }
        }
        return wait == 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(wait));
    }

    void failed(String email, String ip) {
        for (String key : List.of(account(email), address(ip))) {
            batch(List.of(Request.cmd(Command.INCR).arg(key),
                    Request.cmd(Command.EXPIRE).arg(key).arg(WINDOW.toSeconds()).arg("NX")));
        }
    }

    /** A successful login forgives the account's failures (not the IP's: one IP may try many accounts). */
    void succeeded(String email) {
        batch(List.of(Request.cmd(Command.DEL).arg(account(email))));
    }

    private String account(String email) {
        return prefix + ":login:account:" + ApiKey.hash(email.strip().toLowerCase());
    }

    private String address(String ip) {
        return prefix + ":login:ip:" + ip;
    }

    private List<Response> batch(List<Request> calls) {
        return redis.batch(calls).await().atMost(CALL_TIMEOUT);
    }
}
