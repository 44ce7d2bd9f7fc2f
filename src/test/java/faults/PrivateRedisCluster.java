package faults;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A three-master Redis Cluster of the test's own on spare loopback ports. */
final class PrivateRedisCluster implements AutoCloseable {

    private final List<Integer> ports = List.of(Ports.free(), Ports.free(), Ports.free());
    private final List<Process> nodes = new ArrayList<>();
    private final Path workDir;
    private final Path logDir;

    PrivateRedisCluster(Path workDir, Path logDir) {
        this.workDir = workDir;
        this.logDir = logDir;
    }

    PrivateRedisCluster start() throws Exception {
        for (int port : ports) {
            Path dir = Files.createDirectories(workDir.resolve("cluster-" + port));
            nodes.add(Processes.start(List.of("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                    "--dir", dir.toString(), "--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf",
                    "--appendonly", "yes", "--save", ""), logDir.resolve("cluster-" + port + ".log")));
        }
        for (int port : ports) {
            Processes.await("cluster node " + port + " answers", Duration.ofSeconds(20),
                    () -> cli(port, "PING").strip().equals("PONG"));
        }
        List<String> create = new ArrayList<>(List.of("redis-cli", "--cluster", "create"));
        ports.forEach(port -> create.add("127.0.0.1:" + port));
        create.addAll(List.of("--cluster-replicas", "0", "--cluster-yes"));
        Processes.run(create, Duration.ofSeconds(60));
        for (int port : ports) {
            Processes.await("cluster state ok on " + port, Duration.ofSeconds(30),
                    () -> cli(port, "CLUSTER", "INFO").contains("cluster_state:ok"));
        }
        return this;
    }

    String hosts() {
        return String.join(",", ports.stream().map(port -> "redis://127.0.0.1:" + port).toList());
    }

    List<Integer> ports() {
        return ports;
    }

    long keys(int port) {
        return Long.parseLong(cli(port, "DBSIZE").strip());
    }

    String cli(int port, String... command) {
        List<String> line = new ArrayList<>(List.of("redis-cli", "-h", "127.0.0.1", "-p", Integer.toString(port)));
        line.addAll(List.of(command));
        try {
            return Processes.run(line, Duration.ofSeconds(10));
        } catch (RuntimeException e) {
            return "";
        }
    }

    @Override
    public void close() {
        nodes.forEach(Processes::kill);
    }
}
