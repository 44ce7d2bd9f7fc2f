package analytics.readmodel;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

@ConfigMapping(prefix = "footfall.read-model")
interface ReadModelConfig {

    /** How long hourly aggregates are kept (the 24h and day views need them). */
    @WithName("hour-ttl")
    @WithDefault("8D")
    Duration hourTtl();

    /** How long hourly per-page aggregates are kept (the 24h top pages need them). */
    @WithName("page-hour-ttl")
    @WithDefault("49H")
    Duration pageHourTtl();
}
