package ingest.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** page_views is split by month ahead of time, so a retention can drop whole months. */
@QuarkusTest
class MonthlyPartitionsTest {

    @Inject
    DataSource db;

    @Test
    void theNextMonthsHavePartitionsOfTheirOwn() throws Exception {
        List<String> partitions = new ArrayList<>();
        try (Connection connection = db.getConnection(); Statement select = connection.createStatement();
                ResultSet rs = select.executeQuery("SELECT PARTITION_NAME, PARTITION_DESCRIPTION FROM"
                        + " information_schema.PARTITIONS WHERE TABLE_SCHEMA = DATABASE()"
                        + " AND TABLE_NAME = 'page_views' ORDER BY PARTITION_ORDINAL_POSITION")) {
            while (rs.next()) {
                partitions.add(rs.getString(1));
            }
        }
        YearMonth now = YearMonth.now(ZoneOffset.UTC);
        DateTimeFormatter name = DateTimeFormatter.ofPattern("'p'yyyyMM");
        for (int ahead = 0; ahead <= 3; ahead++) {
            assertTrue(partitions.contains(now.plusMonths(ahead).format(name)), partitions.toString());
        }
        assertEquals("p_future", partitions.get(partitions.size() - 1));
        assertEquals("p_before", partitions.get(0));
    }
}
