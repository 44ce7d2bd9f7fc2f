package ingest.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import javax.sql.DataSource;

import org.jboss.logging.Logger;


import events.api.HitQueue;
import events.api.PageViewRecorded;
import events.api.ReplayRequest;
import events.api.Replays;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Serves rebuilds: replays every stored page view older than the rebuild's cutoff, in id order,
 * onto the replay stream. One replica serves a request (a claim in Redis).
 */
@ApplicationScoped
class RawReplay {

    private static final Logger LOG = Logger.getLogger(RawReplay.class);
    /** Rows per read and per XADD batch: a batch must stay under quarkus.redis.max-waiting-handlers (4096). */
    private static final int CHUNK = 2_000;
    private static final long MAX_BACKLOG = 200_000;
    private static final Duration QUEUE_MARGIN = Duration.ofSeconds(2);
    private static final Duration CLAIM = Duration.ofSeconds(60);

    private final DataSource db;
    private final Replays replays;
    private final HitQueue queue;
    private final PageViewRows rows;
    private final Clock clock;
    private final String claimer = "replay-" + UUID.randomUUID();

    RawReplay(DataSource db, Replays replays, HitQueue queue, PageViewRows rows, Clock clock) {
        this.db = db;
        this.replays = replays;
        this.queue = queue;
        this.rows = rows;
        this.clock = clock;
    }

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void serve() {
        replays.claim(claimer, CLAIM).ifPresent(request -> {
            if (replays.begun(request.generation())) {
                // the replica that began it died: its half-published replay cannot be resumed
                replays.abort(request.generation(), "the replaying replica stopped; start the rebuild again");
                return;
            }
            try {
                replay(request);
            } catch (RuntimeException e) {
                LOG.errorf("replay of generation %d failed: %s", request.generation(), e.getMessage());
                replays.abort(request.generation(), "replay failed: " + e.getMessage());
            }
        });
    }

    void replay(ReplayRequest request) {
        try {
            waitForQueue(request.cutoffMillis());
            String cutoff = PageViewRows.UTC_MILLIS.format(Instant.ofEpochMilli(request.cutoffMillis()));
            // counting 10 million rows takes MySQL seconds: start with its estimate, the end marker has the count
            long total = estimate();
            LOG.infof("replaying about %d page views into read-model generation %d", total, request.generation());
            replays.begin(request.generation(), total);
            long last = 0;
            long sent = 0;
            while (true) {
                List<PageViewRecorded> chunk = new ArrayList<>(CHUNK);
                last = read(last, cutoff, chunk);
                if (chunk.isEmpty()) {
                    break;
                }
                while (replays.backlog() > MAX_BACKLOG) {
                    Thread.sleep(50);
                }
                if (!replays.renew(claimer, CLAIM)) {
                    throw new IllegalStateException("lost the replay claim");
                }
                replays.publish(request.generation(), chunk);
                sent += chunk.size();
            }
            replays.finish(request.generation(), sent);
            LOG.infof("replayed %d page views into generation %d", sent, request.generation());
        } catch (SQLException | InterruptedException e) {
            throw new IllegalStateException("replay of generation " + request.generation() + " stopped: "
                    + e.getMessage(), e);
        }
    }

    /** Hits accepted before the cutoff must be in MySQL before the replay reads it. */
    private void waitForQueue(long cutoffMillis) throws InterruptedException {
        long settled = cutoffMillis + QUEUE_MARGIN.toMillis();
        while (true) {
            OptionalLong oldest = queue.oldestMillis();
            if (clock.millis() > settled && (oldest.isEmpty() || oldest.getAsLong() > settled)) {
                return;
            }
            if (!replays.renew(claimer, CLAIM)) {
                throw new IllegalStateException("lost the replay claim");
            }
            Thread.sleep(200);
        }
    }

    private long estimate() throws SQLException {
        try (Connection connection = db.getConnection(); PreparedStatement count = connection.prepareStatement(
                "SELECT COALESCE(SUM(TABLE_ROWS), 0) FROM information_schema.TABLES"
                        + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'page_views'")) {
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private long read(long afterId, String cutoff, List<PageViewRecorded> into) throws SQLException {
        try (Connection connection = db.getConnection()) {
            try (Statement utc = connection.createStatement()) {
                utc.execute("SET time_zone = '+00:00'");
            }
            // ts and visit_start as epoch milliseconds, the order PageViewRows.read expects
            String columns = PageViewRows.COLUMNS.replace(" ts,", " ROUND(UNIX_TIMESTAMP(ts) * 1000),")
                    .replace(" visit_start,", " ROUND(UNIX_TIMESTAMP(visit_start) * 1000),");
            try (PreparedStatement select = connection.prepareStatement("SELECT id, " + columns
                    + " FROM page_views WHERE id > ? AND ts < ? ORDER BY id LIMIT " + CHUNK)) {
                select.setLong(1, afterId);
                select.setString(2, cutoff);
                long last = afterId;
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        last = rs.getLong(1);
                        into.add(rows.read(rs, 2));
                    }
                }
                return last;
            }
        }
    }
}
