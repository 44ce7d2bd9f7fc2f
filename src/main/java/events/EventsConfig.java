package events;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

@ConfigMapping(prefix = "footfall.events")
interface EventsConfig {

    /** Partitions of the queue and of the page-view stream; a site always maps to one. */
    @WithDefault("1")
    int partitions();

    /** Page-view events older than this are trimmed from the stream. */
    @WithDefault("7D")
    Duration retention();

    /** How long a projector keeps a partition without renewing its lease. */
    @WithDefault("10S")
    Duration lease();

    /** Most events a subscriber receives in one batch. */
    @WithName("batch-size")
    @WithDefault("2000")
    int batchSize();
}
