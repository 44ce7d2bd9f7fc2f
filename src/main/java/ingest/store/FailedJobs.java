package ingest.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import events.api.DeadLetters;
import events.api.HitQueue;
import events.api.PageViewRecorded;
import jakarta.enterprise.context.ApplicationScoped;

/** Hits set aside in failed_jobs: listed for an admin, and replayed through the queue after a fix. */
@ApplicationScoped
class FailedJobs {

    record FailedJob(long id, String source, String payload, String error, int attempts, String failedAt) {
    }

    private final DataSource db;
    private final HitQueue queue;
    private final DeadLetters deadLetters;
    private final ObjectMapper json;

    FailedJobs(DataSource db, HitQueue queue, DeadLetters deadLetters, ObjectMapper json) {
        this.db = db;
        this.queue = queue;
        this.deadLetters = deadLetters;
        this.json = json;
    }

    List<FailedJob> list(int limit) throws SQLException {
        try (Connection connection = db.getConnection(); PreparedStatement select = connection.prepareStatement(
                "SELECT id, source, payload, error, attempts, failed_at FROM failed_jobs ORDER BY id LIMIT ?")) {
            select.setInt(1, limit);
            List<FailedJob> jobs = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    jobs.add(new FailedJob(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getInt(5), rs.getTimestamp(6).toLocalDateTime().atOffset(ZoneOffset.UTC).toString()));
                }
            }
            return jobs;
        }
    }

    /**
     * Replays failed jobs after a fix and removes them from failed_jobs: a hit that could not be
     * stored goes back on the queue (same event id, so it is stored once); an event the projector
     * could not apply goes back on the page-view stream. Returns how many were replayed.
     */
    int replay(int limit) throws SQLException {
        int replayed = 0;
        for (FailedJob job : list(limit)) {
            PageViewRecorded event;
            try {
                event = json.readValue(job.payload(), PageViewRecorded.class);
            } catch (Exception e) {
                continue; // still unreadable: it stays listed with its error
            }
            if ("projector".equals(job.source())) {
                deadLetters.redeliver(event);
            } else {
                queue.enqueue(event.site(), job.payload()).await().indefinitely();
            }
            try (Connection connection = db.getConnection();
                    PreparedStatement delete = connection.prepareStatement("DELETE FROM failed_jobs WHERE id = ?")) {
                delete.setLong(1, job.id());
                delete.executeUpdate();
            }
            replayed++;
        }
        return replayed;
    }
}
