package analytics.accounts;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "footfall.registration")
public interface RegistrationConfig {

    /** Whether anyone who can reach Footfall may create an account at /signup. */
    @WithDefault("true")
    boolean enabled();
}
