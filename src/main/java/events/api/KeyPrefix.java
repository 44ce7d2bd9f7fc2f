package events.api;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** footfall.key-prefix, read in this one place: every Redis key of this Footfall starts with it. */
@ConfigMapping(prefix = "footfall")
public interface KeyPrefix {

    @WithName("key-prefix")
    @WithDefault("ff")
    String value();
}
