package faults;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One Footfall server as a real OS process, started from the packaged jar on private MariaDB and
 * Redis, so a test can kill -9 it, SIGTERM it or freeze it with SIGSTOP.
 */
final class FootfallProcess implements AutoCloseable {

    static final String ADMIN_EMAIL = "faults@footfall.test";
    static final String ADMIN_PASSWORD = "fault tests only, not a real password";
    static final String ADMIN_KEY = "faults-admin-key-0123456789abcdef";

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1)).build();

    private final String name;
    private final int port = Ports.free();
    private final PrivateMariaDb db;
    private final PrivateRedis redis;
    private final Path logDir;
    private Process process;
    private Path log;
    private int starts;

    /** name becomes HOSTNAME, the start of this process's consumer and lease-owner names in Redis. */
    FootfallProcess(String name, PrivateMariaDb db, PrivateRedis redis, Path logDir) {
        this.name = name;
        this.db = db;
        this.redis = redis;
        this.logDir = logDir;
    }

    String name() {
        return name;
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** Starts on the same port as before (if any) and waits until /q/health/ready answers 200. */
    FootfallProcess start(String... extraProperties) {
        return launch(extraProperties).awaitReady();
    }

    /** Starts the process and returns at once (several replicas can start at the same instant). */
    FootfallProcess launch(String... extraProperties) {
        List<String> command = new ArrayList<>(List.of("java", "-Xmx512m",
                "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.datasource.jdbc.url=" + db.footfallUrl(),
                "-Dquarkus.redis.hosts=redis://127.0.0.1:" + redis.port(),
                "-Dfootfall.admin.email=" + ADMIN_EMAIL,
                "-Dfootfall.admin.password=" + ADMIN_PASSWORD,
                "-Dfootfall.admin.api-key=" + ADMIN_KEY,
                "-Dfootfall.ingest.reclaim-after=3S",
                "-Dfootfall.events.lease=3S"));
        command.addAll(List.of(extraProperties));
        command.addAll(List.of("-jar", jar().toString()));
        starts++;
        log = logDir.resolve(name + "-" + starts + ".log");
        process = Processes.start(command, log, Map.of("HOSTNAME", name));
        return this;
    }

    /** Waits until /q/health/ready answers 200; fails at once if the process exits. */
    FootfallProcess awaitReady() {
        Processes.await(name + " ready on port " + port, Duration.ofSeconds(90), () -> {
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited at start:\n" + Processes.tail(log, 40));
            }
            return readyStatus() == 200;
        });
        return this;
    }

    /** The last lines of this process's current log. */
    String logTail(int lines) {
        return Processes.tail(log, lines);
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    /** kill -9: no shutdown hook, no finally block, no last acknowledgement. */
    void kill9() {
        Processes.kill(process);
    }

    /** SIGTERM; returns how long the process took to exit (killed after 60 s). */
    Duration terminate() {
        return Processes.stop(process, Duration.ofSeconds(60));
    }

    void pause() {
        Processes.signal(process, "STOP");
    }

    void resume() {
        Processes.signal(process, "CONT");
    }

    /** /q/health/ready's status, or -1 when nothing answered within 3 s. */
    int readyStatus() {
        try {
            return HTTP.send(HttpRequest.newBuilder(baseUrl().resolve("/q/health/ready")).timeout(Duration.ofSeconds(3))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private static Path jar() {
        return Paths.get(System.getProperty("footfall.jar", "target/quarkus-app/quarkus-run.jar")).toAbsolutePath();
    }

    @Override
    public void close() {
        if (alive()) {
            try {
                resume(); // a stopped process must not outlive the test either
            } catch (RuntimeException e) {
                // it is killed below anyway
            }
        }
        Processes.kill(process);
    }
}
