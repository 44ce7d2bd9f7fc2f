package faults;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Everything one fault test runs on, all its own: a temp directory, a MariaDB and a Redis on spare
 * ports, and the Footfall processes. A JUnit extension: registered on a test class, it starts the
 * services before the class's tests and ends every process and deletes the directory after them.
 */
final class FaultStack implements BeforeAllCallback, AfterAllCallback, AutoCloseable {

    /** The site the load goes to, and how many events the stream held before (other sites' probes). */
    record LoadSite(String domain, long publishedBefore) {
    }

    private final String test;
    private final List<FootfallProcess> footfalls = new ArrayList<>();
    private final Thread cleanup = new Thread(this::close, "fault-stack-cleanup");
    private Path workDir;
    private Path logDir;
    private PrivateMariaDb db;
    private PrivateRedis redis;

    /** {@code test} names the log folder under target/faults. */
    FaultStack(String test) {
        this.test = test;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        start();
    }

    /** Starts a new MariaDB (empty data directory) and a new Redis; {@link #close()} ends them. */
    FaultStack start() throws Exception {
        workDir = Files.createTempDirectory("footfall-" + test + "-");
        logDir = Paths.get(System.getProperty("faults.logs", "target/faults")).resolve(test).toAbsolutePath();
        Processes.deleteTree(logDir);
        Files.createDirectories(logDir);
        Runtime.getRuntime().addShutdownHook(cleanup); // even when the test JVM is interrupted
        db = new PrivateMariaDb(workDir, logDir);
        db.start();
        redis = new PrivateRedis(workDir, logDir);
        redis.start();
        return this;
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    PrivateMariaDb db() {
        return db;
    }

    PrivateRedis redis() {
        return redis;
    }

    RedisView redisView() {
        return new RedisView(redis);
    }

    /** A Footfall process on this stack (not started yet); closed with the stack. */
    FootfallProcess footfall(String name) {
        FootfallProcess footfall = new FootfallProcess(name, db, redis, logDir);
        footfalls.add(footfall);
        return footfall;
    }

    /**
     * Creates the load's site and, after it, a probe site; once every process stores hits for the
     * probe site it knows the load's site too (site events arrive in order).
     */
    LoadSite newSite(List<FootfallApi> apis) {
        String id = UUID.randomUUID().toString().substring(0, 8);
        String domain = "load-" + id + ".example";
        String probe = "probe-" + id + ".example";
        apis.get(0).createSite(domain);
        apis.get(0).createSite(probe);
        apis.forEach(api -> api.awaitSiteKnown(probe));
        warmUp(apis, probe);
        RedisView view = redisView();
        view.awaitDrained(Duration.ofSeconds(30));
        return new LoadSite(domain, view.published());
    }

    /** A cold JVM answers slowly for its first seconds; the load should meet a warm one. */
    private static void warmUp(List<FootfallApi> apis, String probe) {
        try {
            new LoadGenerator(apis.stream().map(FootfallApi::base).toList(), probe, 200, 1_000, Duration.ofSeconds(6),
                    Duration.ofSeconds(10)).start().awaitEnd();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public synchronized void close() {
        footfalls.forEach(FootfallProcess::close);
        if (redis != null) {
            redis.close();
        }
        if (db != null) {
            db.close();
        }
        if (workDir != null) {
            Processes.deleteTree(workDir);
        }
        try {
            Runtime.getRuntime().removeShutdownHook(cleanup);
        } catch (IllegalStateException e) {
            // already shutting down: this is the hook
        }
    }
}
