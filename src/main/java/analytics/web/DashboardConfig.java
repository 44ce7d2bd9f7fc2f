package analytics.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

@ConfigMapping(prefix = "footfall.dashboard")
interface DashboardConfig {

    /** Threads of the dashboard pool, which runs dashboard pages and the Stats API. */
    @WithDefault("8")
    int threads();

    /** Requests that may wait for a dashboard thread; beyond that the answer is 503. */
    @WithName("queue-size")
    @WithDefault("200")
    int queueSize();
}
