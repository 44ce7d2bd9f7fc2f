package ingest.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Keeps page_views partitioned by month: splits months ahead of time out of the catch-all
 * partition, and drops months older than the retention. One replica at a time (a MySQL lock).
 */
@ApplicationScoped
class MonthlyPartitions {

    private static final Logger LOG = Logger.getLogger(MonthlyPartitions.class);
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("'p'yyyyMM");
    private static final int MONTHS_AHEAD = 3;
    /** p_before, from the migration, holds everything before this day. */
    private static final LocalDate FIRST_MONTH = LocalDate.of(2026, 1, 1);

    private final DataSource db;
    private final Clock clock;
    private final Optional<Integer> retentionMonths;

    MonthlyPartitions(DataSource db, Clock clock,
            @ConfigProperty(name = "footfall.retention.months") Optional<Integer> retentionMonths) {
        this.db = db;
        this.clock = clock;
        this.retentionMonths = retentionMonths;
    }

    void atStart(@Observes StartupEvent event) {
        maintain();
    }

    @Scheduled(every = "6h", delayed = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void maintain() {
        try (Connection connection = db.getConnection()) {
            if (!lock(connection)) {
                return;
            }
            try {
                YearMonth now = YearMonth.from(clock.instant().atZone(ZoneOffset.UTC));
                addMonths(connection, now.plusMonths(MONTHS_AHEAD));
                retentionMonths.ifPresent(months -> dropBefore(connection, now.minusMonths(months - 1L)));
            } finally {
                try (Statement release = connection.createStatement()) {
                    release.execute("DO RELEASE_LOCK('footfall-partitions')");
                }
            }
        } catch (SQLException e) {
            LOG.warnf("page_views partition maintenance failed: %s", e.getMessage());
        }
    }

    /** Splits every month after the newest monthly partition, up to {@code last}, out of p_future. */
    private void addMonths(Connection connection, YearMonth last) throws SQLException {
        List<String> existing = partitions(connection);
        YearMonth month = existing.stream().filter(p -> p.matches("p\\d{6}")).max(String::compareTo)
                .map(p -> YearMonth.parse(p.substring(1, 5) + "-" + p.substring(5)).plusMonths(1))
                .orElse(YearMonth.from(clock.instant().atZone(ZoneOffset.UTC)).minusMonths(1));
        List<String> parts = new ArrayList<>();
        for (; !month.isAfter(last); month = month.plusMonths(1)) {
            parts.add("PARTITION " + month.format(NAME) + " VALUES LESS THAN ('" + month.plusMonths(1).atDay(1) + "')");
        }
        if (parts.isEmpty()) {
            return;
        }
        parts.add("PARTITION p_future VALUES LESS THAN (MAXVALUE)");
        try (Statement split = connection.createStatement()) {
            split.execute("ALTER TABLE page_views REORGANIZE PARTITION p_future INTO (" + String.join(", ", parts)
                    + ")");
        }
        LOG.infof("page_views: added %d monthly partitions", parts.size() - 1);
    }

    /** The retention: drops every partition whose rows are all older than {@code first}. */
    private void dropBefore(Connection connection, YearMonth first) {
        try {
            String oldest = first.format(NAME);
            boolean beforeIsOld = !first.atDay(1).isBefore(FIRST_MONTH);
            List<String> old = partitions(connection).stream()
                    .filter(p -> p.equals("p_before") ? beforeIsOld : p.matches("p\\d{6}") && p.compareTo(oldest) < 0)
                    .toList();
            if (!old.isEmpty()) {
                try (Statement drop = connection.createStatement()) {
                    drop.execute("ALTER TABLE page_views DROP PARTITION " + String.join(", ", old));
                }
                LOG.infof("page_views: retention dropped %s", old);
            }
        } catch (SQLException e) {
            LOG.warnf("page_views retention failed: %s", e.getMessage());
        }
    }

    private static List<String> partitions(Connection connection) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT PARTITION_NAME FROM"
                + " information_schema.PARTITIONS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'page_views'"
                + " AND PARTITION_NAME IS NOT NULL"); ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private static boolean lock(Connection connection) throws SQLException {
        try (Statement lock = connection.createStatement();
                ResultSet rs = lock.executeQuery("SELECT GET_LOCK('footfall-partitions', 0)")) {
            return rs.next() && rs.getInt(1) == 1;
        }
    }
}
