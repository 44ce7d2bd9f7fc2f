package faults;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/** A MariaDB of the test's own: a fresh data directory, a spare port, no grant tables. */
final class PrivateMariaDb implements AutoCloseable {

    private final int port = Ports.free();
    private final Path dataDir;
    private final Path log;
    private Process process;

    PrivateMariaDb(Path workDir, Path logDir) throws Exception {
        this.dataDir = Files.createDirectories(workDir.resolve("mariadb"));
        this.log = logDir.resolve("mariadb.log");
        Processes.run(List.of("mariadb-install-db", "--no-defaults", "--datadir=" + dataDir,
                "--auth-root-authentication-method=normal", "--user=root"), Duration.ofSeconds(120));
    }

    int port() {
        return port;
    }

    /** What Footfall is given; the options are those of application.properties. */
    String footfallUrl() {
        return "jdbc:mysql://127.0.0.1:" + port + "/footfall?createDatabaseIfNotExist=true&useUnicode=true"
                + "&characterEncoding=utf8&connectTimeout=2000&socketTimeout=30000";
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + port + "/footfall?user=root&password="
                + "&connectTimeout=2000&socketTimeout=30000");
    }

    void start() {
        process = Processes.start(List.of("mariadbd", "--no-defaults", "--datadir=" + dataDir,
                "--port=" + port, "--socket=" + dataDir.resolve("mysql.sock"), "--user=root",
                "--bind-address=127.0.0.1", "--skip-grant-tables", "--skip-name-resolve",
                "--innodb-buffer-pool-size=64M"), log);
        Processes.await("MariaDB listening on " + port, Duration.ofSeconds(60), () -> {
            if (!process.isAlive()) {
                throw new AssertionError("mariadbd exited:\n" + Processes.tail(log, 20));
            }
            return Ports.listening(port);
        });
    }

    /** A graceful stop (SIGTERM), as an operator's restart or a failover would do it. */
    void stop() {
        Processes.stop(process, Duration.ofSeconds(60));
        Processes.await("MariaDB port " + port + " closed", Duration.ofSeconds(10), () -> !Ports.listening(port));
    }

    @Override
    public void close() {
        Processes.kill(process);
    }
}
