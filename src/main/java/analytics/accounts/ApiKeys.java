package analytics.accounts;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import analytics.web.BadParameter;
import analytics.web.Caller;
import analytics.web.NotFound;
import analytics.web.Signer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

/** A user's API keys: made here once (only the hash is kept), listed by prefix, revoked at once. */
@ApplicationScoped
class ApiKeys {

    private final IdentityCache cache;

    ApiKeys(IdentityCache cache) {
        this.cache = cache;
    }

    record Created(ApiKey key, String secret) {
    }

    Created create(Caller owner, String nameInput) {
        String name = nameInput == null ? "" : nameInput.strip();
        if (name.isEmpty() || name.length() > 100) {
            throw new BadParameter("name", "Give the key a name of 1 to 100 characters.");
        }
        String secret = "ff_" + Signer.random(30);
        return QuarkusTransaction.requiringNew().call(() -> {
            ApiKey key = new ApiKey();
            key.userId = owner.userId();
            key.name = name;
            key.prefix = secret.substring(0, 10);
            key.keyHash = ApiKey.hash(secret);
            key.createdAt = LocalDateTime.now(ZoneOffset.UTC);
            key.persist();
            return new Created(key, secret);
        });
    }

    List<ApiKey> active(Caller owner) {
        return QuarkusTransaction.requiringNew().call(
                () -> ApiKey.<ApiKey>list("userId = ?1 and revokedAt is null order by createdAt", owner.userId()));
    }

    /** Revokes one of the caller's keys; another user's key is NotFound, like a key that does not exist. */
    void revoke(Caller owner, long id) {
        String hash = QuarkusTransaction.requiringNew().call(() -> {
            ApiKey key = ApiKey.findById(id);
            if (key == null || !key.userId.equals(owner.userId()) || key.revokedAt != null) {
                throw new NotFound("API key " + id + " not found");
            }
            key.revokedAt = LocalDateTime.now(ZoneOffset.UTC);
            return key.keyHash;
        });
        cache.keyChanged(hash);
    }
}
