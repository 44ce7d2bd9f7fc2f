package ingest;

import java.time.Duration;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

@ConfigMapping(prefix = "footfall.ingest")
public interface IngestConfig {

    /** Threads of the ingest pool: each runs one batch writer. */
    @WithName("writer-threads")
    @WithDefault("2")
    int writerThreads();

    /** Most hits one writer inserts in one multi-row INSERT. */
    @WithName("batch-size")
    @WithDefault("500")
    int batchSize();

    /** Attempts at a batch before it is split into rows and failures go to failed_jobs. */
    @WithName("max-attempts")
    @WithDefault("3")
    int maxAttempts();

    /** Queue entries held this long by a silent worker are taken over by another. */
    @WithName("reclaim-after")
    @WithDefault("30S")
    Duration reclaimAfter();

    /** Proxies whose X-Forwarded-For / Forwarded headers are believed (IPs or CIDR ranges). */
    @WithName("trusted-proxies")
    @WithDefault("127.0.0.0/8,::1")
    List<String> trustedProxies();

    /** Fault tests only: a pause between the MySQL commit and the publish-and-acknowledge step. */
    @WithName("pause-after-commit")
    @WithDefault("0S")
    Duration pauseAfterCommit();

    @WithName("rate-limit")
    RateLimit rateLimit();

    interface RateLimit {
        /** Hits per second one client IP may send; 0 turns the limit off. */
        @WithName("per-ip")
        @WithDefault("100")
        int perIp();

        /** Hits per second one site may receive on this replica; 0 turns the limit off. */
        @WithName("per-site")
        @WithDefault("50000")
        int perSite();
    }

    /** How long /api/event waits for Redis before answering 503. */
    @WithName("enqueue-timeout")
    @WithDefault("2S")
    Duration enqueueTimeout();
}
