package analytics.accounts;

import java.sql.SQLIntegrityConstraintViolationException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Ensures the configured admin user and API key exist, with the configured password. */
@ApplicationScoped
class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class);
    static final int MIN_KEY_LENGTH = 24;
    private static final int MAX_ATTEMPTS = 3;

    private final AdminConfig config;
    private final IdentityCache cache;
    private final ManagedExecutor background;

    AdminBootstrap(AdminConfig config, IdentityCache cache, ManagedExecutor background) {
        this.config = config;
        this.cache = cache;
        this.background = background;
    }

    void ensure(@Observes StartupEvent event) {
        if (config.email().isEmpty() || config.password().isEmpty()) {
            LOG.warn("footfall.admin.email / footfall.admin.password are not set: no admin user was ensured");
            return;
        }
        User admin = ensureAdminOnce();
        // checking the configured password costs a bcrypt round (a third of a second): after the start
        background.runAsync(() -> updatePassword(admin.id, admin.passwordHash));
    }

    /**
     * Replicas starting together on an empty database all try to insert the admin (or its key): the
     * unique keys let one insert win; the others roll back and try again, finding the row this time.
     */
    private User ensureAdminOnce() {
        for (int attempt = 1; ; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(this::ensureAdmin);
            } catch (RuntimeException e) {
                if (attempt == MAX_ATTEMPTS || !lostInsertRace(e)) {
                    throw e;
                }
                LOG.infof("another replica created the admin at the same moment (%s): reading it", e.getMessage());
            }
        }
    }

    private static boolean lostInsertRace(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException || cause instanceof SQLIntegrityConstraintViolationException) {
                return true;
            }
        }
        return false;
    }

    private User ensureAdmin() {
        String email = config.email().get().strip().toLowerCase();
        User admin = User.byEmail(email);
        if (admin == null) {
            admin = new User();
            admin.email = email;
            admin.createdAt = LocalDateTime.now(ZoneOffset.UTC);
            admin.passwordHash = Passwords.hash(config.password().get());
        }
        if (admin.id != null && !admin.admin) {
            cache.userChanged(admin.id); // an existing account becomes the admin
        }
        admin.admin = true;
        admin.persist();
        config.apiKey().ifPresent(key -> ensureKey(key.strip()));
        return admin;
    }

    /** Stores the configured password when it is not the one the admin has (it was changed in the configuration). */
    private void updatePassword(long id, String hash) {
        String password = config.password().get();
        if (Passwords.matches(password, hash)) {
            return;
        }
        String next = Passwords.hash(password);
        QuarkusTransaction.requiringNew().run(() -> User.<User>findById(id).passwordHash = next);
        cache.userChanged(id);
        LOG.info("the admin's password was set from footfall.admin.password");
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
