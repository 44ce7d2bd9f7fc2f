package analytics.accounts;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** The first admin, ensured at every start (FOOTFALL_ADMIN_EMAIL, _PASSWORD, _API_KEY). */
@ConfigMapping(prefix = "footfall.admin")
interface AdminConfig {

    Optional<String> email();

    Optional<String> password();

    /** An API key for the admin; at least 24 characters. */
    Optional<String> apiKey();
}
