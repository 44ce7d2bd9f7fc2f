package faults;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A Redis of the test's own on a spare port, persisted the way the README asks (appendonly,
 * fsync on every write), so a stop and a start on the same data directory keeps the queue.
 */
final class PrivateRedis implements AutoCloseable {

    private final int port = Ports.free();
    private final Path dir;
    private final Path log;
    private Process process;

    PrivateRedis(Path workDir, Path logDir) throws Exception {
        this.dir = Files.createDirectories(workDir.resolve("redis"));
        this.log = logDir.resolve("redis.log");
    }

    int port() {
        return port;
    }

    void start() {
        process = Processes.start(List.of("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--dir", dir.toString(), "--appendonly", "yes", "--appendfsync", "always", "--save", ""), log);
        Processes.await("Redis answers PING on " + port, Duration.ofSeconds(20), () -> {
            if (!process.isAlive()) {
                throw new AssertionError("redis-server exited:\n" + Processes.tail(log, 20));
            }
            try {
                return cli("PING").strip().equals("PONG");
            } catch (RuntimeException e) {
                return false;
            }
        });
    }

    /** A graceful stop (SIGTERM): Redis finishes its append-only file and closes every connection. */
    void stop() {
        Processes.stop(process, Duration.ofSeconds(20));
        Processes.await("Redis port " + port + " closed", Duration.ofSeconds(10), () -> !Ports.listening(port));
    }

    /** One command through redis-cli; the answer as redis-cli prints it without a terminal (raw). */
    String cli(String... command) {
        List<String> line = new ArrayList<>(List.of("redis-cli", "-h", "127.0.0.1", "-p", Integer.toString(port)));
        line.addAll(List.of(command));
        return Processes.run(line, Duration.ofSeconds(10));
    }

    @Override
    public void close() {
        Processes.kill(process);
    }
}
