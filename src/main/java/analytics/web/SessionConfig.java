package analytics.web;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "footfall.session")
interface SessionConfig {

    /** Signs session cookies and CSRF tokens; the same 32+ characters on every replica. Random per process if unset. */
    Optional<String> secret();

    /** A session ends after this long without a request. */
    @WithDefault("12H")
    Duration timeout();
}
