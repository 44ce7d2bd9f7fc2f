package ingest.store;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import events.api.PageViewRecorded;
import jakarta.enterprise.context.ApplicationScoped;

/** The only writer of page_views: multi-row INSERT IGNORE, so a retried batch adds no second row. */
@ApplicationScoped
class PageViewRows {

    private static final String COLUMNS = "event_id, site, ts, name, path, visitor, referrer, browser, os, device,"
            + " utm_source, utm_medium, utm_campaign, utm_content, utm_term, props";
    private static final int COLUMN_COUNT = 16;
    // sent as text: the MySQL driver drops milliseconds from timestamps for servers that say 5.5 (MariaDB)
    static final DateTimeFormatter UTC_MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
            .withZone(ZoneOffset.UTC);
    private static final String ROW = "(" + "?,".repeat(COLUMN_COUNT - 1) + "?)";

    private final DataSource db;
    private final ObjectMapper json;

    PageViewRows(DataSource db, ObjectMapper json) {
        this.db = db;
        this.json = json;
    }

    /** Inserts the rows not stored yet, in one transaction; returns how many were new. */
    int insert(List<PageViewRecorded> rows) throws SQLException {
        if (rows.isEmpty()) {
            return 0;
        }
        String sql = "INSERT IGNORE INTO page_views (" + COLUMNS + ") VALUES " + String.join(",",
                Collections.nCopies(rows.size(), ROW));
        try (Connection connection = db.getConnection(); PreparedStatement insert = connection.prepareStatement(sql)) {
            connection.setAutoCommit(true);
            int index = 1;
            for (PageViewRecorded row : rows) {
                index = bind(insert, index, row);
            }
            return insert.executeUpdate();
        }
    }

    /** Sets a job aside; the same (source, ref) is recorded once, however often it is reported. */
    void recordFailure(String source, String ref, String payload, String error, int attempts) throws SQLException {
        try (Connection connection = db.getConnection(); PreparedStatement insert = connection.prepareStatement(
                "INSERT IGNORE INTO failed_jobs (source, ref, payload, error, attempts, failed_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?)")) {
            connection.setAutoCommit(true);
            insert.setString(1, source);
            insert.setString(2, ref);
            insert.setString(3, payload);
            String message = error == null ? "unknown error" : error;
            insert.setString(4, message.length() > 4000 ? message.substring(0, 4000) : message);
            insert.setInt(5, attempts);
            insert.setString(6, UTC_MILLIS.format(Instant.now()));
            insert.executeUpdate();
        }
    }

    private int bind(PreparedStatement insert, int index, PageViewRecorded row) throws SQLException {
        insert.setBytes(index++, uuidBytes(row.eventId()));
        insert.setString(index++, row.site());
        insert.setString(index++, UTC_MILLIS.format(row.at()));
        insert.setString(index++, row.name());
        insert.setString(index++, row.path());
        insert.setLong(index++, row.visitor());
        insert.setString(index++, cut(row.referrer(), 253));
        insert.setString(index++, cut(row.browser(), 64));
        insert.setString(index++, cut(row.os(), 64));
        insert.setString(index++, cut(row.device(), 16));
        insert.setString(index++, row.utmSource());
        insert.setString(index++, row.utmMedium());
        insert.setString(index++, row.utmCampaign());
        insert.setString(index++, row.utmContent());
        insert.setString(index++, row.utmTerm());
        insert.setString(index++, props(row.props()));
        return index;
    }

    private String props(Map<String, String> props) {
        if (props == null || props.isEmpty()) {
            return null;
        }
        try {
            return json.writeValueAsString(props);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static byte[] uuidBytes(String eventId) {
        UUID id = UUID.fromString(eventId);
        return ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits())
                .array();
    }

    static String uuid(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        return new UUID(buffer.getLong(), buffer.getLong()).toString();
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
