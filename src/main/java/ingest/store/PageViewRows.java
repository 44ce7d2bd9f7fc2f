package ingest.store;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import events.api.Acquisition;
import events.api.Device;
import events.api.Location;
import events.api.PageViewRecorded;
import events.api.Visit;
import jakarta.enterprise.context.ApplicationScoped;

/** The only writer of page_views: multi-row INSERT IGNORE, so a retried batch adds no second row. */
@ApplicationScoped
class PageViewRows {

    /** Every stored column of a hit, in the order {@link #bind} sets them and {@link #read} reads them. */
    static final String COLUMNS = "event_id, site, ts, name, path, visitor, interactive, props,"
            + " referrer, source, referrer_url, channel, utm_source, utm_medium, utm_campaign, utm_content, utm_term,"
            + " device, browser, browser_version, os, os_version, country, region, city,"
            + " visit_id, visit_start, visit_flags, visit_added_ms, exit_from, visit_entry,"
            + " visit_source, visit_referrer, visit_channel, visit_utm_source, visit_utm_medium, visit_utm_campaign,"
            + " visit_utm_content, visit_utm_term";
    private static final int COLUMN_COUNT = COLUMNS.split(",").length;
    private static final int SOURCE_COLUMNS = 8;
    // sent as text: the MySQL driver drops milliseconds from timestamps for servers that say 5.5 (MariaDB)
    static final DateTimeFormatter UTC_MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
            .withZone(ZoneOffset.UTC);
    private static final String ROW = "(" + "?,".repeat(COLUMN_COUNT - 1) + "?)";

    private static final TypeReference<Map<String, String>> PROPS = new TypeReference<>() {
    };

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
        insert.setBoolean(index++, row.interactive());
        insert.setString(index++, props(row.props()));
        Acquisition source = row.source() == null ? Acquisition.NONE : row.source();
        insert.setString(index++, cut(source.referrerHost(), 253));
        index = bindSource(insert, index, source);
        Device device = row.device() == null ? new Device(null, null, null, null, null) : row.device();
        insert.setString(index++, cut(device.screen(), 16));
        insert.setString(index++, cut(device.browser(), 64));
        insert.setString(index++, cut(device.browserVersion(), 32));
        insert.setString(index++, cut(device.os(), 64));
        insert.setString(index++, cut(device.osVersion(), 32));
        Location location = row.location() == null ? Location.UNKNOWN : row.location();
        insert.setString(index++, cut(location.country(), 2));
        insert.setString(index++, cut(location.region(), 16));
        insert.setString(index++, cut(location.city(), 120));
        Visit visit = row.visit() == null ? Visit.NONE : row.visit();
        insert.setBytes(index++, visit.exists() ? uuidBytes(visit.id()) : null);
        insert.setString(index++, visit.exists() ? UTC_MILLIS.format(Instant.ofEpochMilli(visit.startMillis())) : null);
        insert.setInt(index++, visit.flags());
        insert.setLong(index++, visit.addedMillis());
        insert.setString(index++, visit.exitFrom());
        insert.setString(index++, visit.entryPage());
        return bindSource(insert, index, visit.source() == null ? Acquisition.NONE : visit.source());
    }

    /** An acquisition's named parts (the referrer's host is the hit's own only). */
    private static int bindSource(PreparedStatement insert, int index, Acquisition source) throws SQLException {
        insert.setString(index++, cut(source.source(), 255));
        insert.setString(index++, cut(source.referrer(), 500));
        insert.setString(index++, cut(source.channel(), 32));
        insert.setString(index++, cut(source.utmSource(), 255));
        insert.setString(index++, cut(source.utmMedium(), 255));
        insert.setString(index++, cut(source.utmCampaign(), 255));
        insert.setString(index++, cut(source.utmContent(), 255));
        insert.setString(index++, cut(source.utmTerm(), 255));
        return index;
    }

    /**
     * A stored hit as its event, from a result set selecting {@link #COLUMNS} with {@code ts} and
     * {@code visit_start} as epoch milliseconds, starting at column {@code first}.
     */
    PageViewRecorded read(ResultSet rs, int first) throws SQLException {
        int i = first;
        String eventId = uuid(rs.getBytes(i++));
        String site = rs.getString(i++);
        long ts = rs.getLong(i++);
        String name = rs.getString(i++);
        String path = rs.getString(i++);
        long visitor = rs.getLong(i++);
        boolean interactive = rs.getBoolean(i++);
        Map<String, String> props = readProps(rs.getString(i++));
        String referrerHost = rs.getString(i++);
        Acquisition source = readSource(rs, i, referrerHost);
        i += SOURCE_COLUMNS;
        Device device = new Device(rs.getString(i++), rs.getString(i++), rs.getString(i++), rs.getString(i++),
                rs.getString(i++));
        Location location = new Location(rs.getString(i++), rs.getString(i++), rs.getString(i++));
        byte[] visitId = rs.getBytes(i++);
        long start = rs.getLong(i++);
        int flags = rs.getInt(i++);
        long added = rs.getLong(i++);
        String exitFrom = rs.getString(i++);
        String entry = rs.getString(i++);
        Acquisition visitSource = readSource(rs, i, null);
        Visit visit = visitId == null ? Visit.NONE
                : new Visit(uuid(visitId), start, flags, added, exitFrom, entry, visitSource);
        return new PageViewRecorded(PageViewRecorded.VERSION, eventId, site, ts, name, path, visitor, interactive,
                source, device, location, visit, props);
    }

    private static Acquisition readSource(ResultSet rs, int i, String referrerHost) throws SQLException {
        return new Acquisition(referrerHost, rs.getString(i), rs.getString(i + 1), rs.getString(i + 2),
                rs.getString(i + 3), rs.getString(i + 4), rs.getString(i + 5), rs.getString(i + 6), rs.getString(i + 7));
    }

    private Map<String, String> readProps(String text) {
        if (text == null) {
            return Map.of();
        }
        try {
            return json.readValue(text, PROPS);
        } catch (JsonProcessingException e) {
            return Map.of();
        }
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
