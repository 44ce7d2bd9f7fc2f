package analytics;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

import org.jboss.logging.Logger;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

/** Ensures the configured admin user and API key exist, with the configured password. */
@ApplicationScoped
class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class);
    static final int MIN_KEY_LENGTH = 24;

    private final AdminConfig config;
    private final IdentityCache cache;

    AdminBootstrap(AdminConfig config, IdentityCache cache) {
        this.config = config;
        this.cache = cache;
    }

    @Transactional
    void ensure(@Observes StartupEvent event) {
        if (config.email().isEmpty() || config.password().isEmpty()) {
            LOG.warn("footfall.admin.email / footfall.admin.password are not set: no admin user was ensured");
            return;
        }
        String email = config.email().get().strip().toLowerCase();
        User admin = User.byEmail(email);
        if (admin == null) {
            admin = new User();
            admin.email = email;
            admin.createdAt = LocalDateTime.now(ZoneOffset.UTC);
        }
        if (admin.id != null && !admin.admin) {
            cache.userChanged(admin.id); // an existing account becomes the admin
        }
        admin.admin = true;
        if (admin.passwordHash == null || !BcryptUtil.matches(config.password().get(), admin.passwordHash)) {
            admin.passwordHash = BcryptUtil.bcryptHash(config.password().get(), 12);
        }
        admin.persist();
        config.apiKey().ifPresent(key -> ensureKey(key.strip()));
    }

    private void ensureKey(String key) {
        if (key.length() < MIN_KEY_LENGTH) {
            throw new IllegalStateException("footfall.admin.api-key must be at least " + MIN_KEY_LENGTH
                    + " characters long");
        }
        User admin = User.byEmail(config.email().get().strip().toLowerCase());
        ApiKey existing = ApiKey.find("keyHash", ApiKey.hash(key)).firstResult();
        if (existing != null) {
            if (!admin.id.equals(existing.userId)) {
                cache.keyChanged(existing.keyHash); // the key moves to the admin: nobody may keep using it as its old owner
            }
            existing.userId = admin.id;
            existing.revokedAt = null;
            return;
        }
        ApiKey apiKey = new ApiKey();
        apiKey.userId = admin.id;
        apiKey.name = "admin (from configuration)";
        apiKey.prefix = key.substring(0, 6);
        apiKey.keyHash = ApiKey.hash(key);
        apiKey.createdAt = LocalDateTime.now(ZoneOffset.UTC);
        apiKey.persist();
    }
}
