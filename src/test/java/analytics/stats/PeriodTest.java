package analytics.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import analytics.readmodel.ReadModelKeys;
import analytics.web.BadParameter;

class PeriodTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final Instant NOW = Instant.parse("2026-11-29T10:15:00Z");

    @Test
    void daysHave23Or25HoursAroundDaylightSavingChanges() {
        assertEquals(23, Period.resolve("day", "2026-03-29", PARIS, NOW).series().size());
        assertEquals(25, Period.resolve("day", "2026-10-25", PARIS, NOW).series().size());
        assertEquals(24, Period.resolve("day", "2026-11-29", PARIS, NOW).series().size());
        assertEquals(24, Period.resolve("day", "2026-10-25", ZoneId.of("Asia/Kathmandu"), NOW).series().size());
    }

    @Test
    void relativePeriodsEndOnTheAnchorDate() {
        Period week = Period.resolve("7d", null, PARIS, NOW);
        assertEquals(LocalDate.parse("2026-11-23"), week.from());
        assertEquals(LocalDate.parse("2026-11-29"), week.to());
        assertEquals(7, week.series().size());
        Period month = Period.resolve("month", "2026-02-10", PARIS, NOW);
        assertEquals(LocalDate.parse("2026-02-01"), month.from());
        assertEquals(LocalDate.parse("2026-02-28"), month.to());
        assertEquals(List.of(new ReadModelKeys.Month(YearMonth.of(2026, 2))), month.cover());
    }

    @Test
    void longRangesAreCoveredByWholeMonths() {
        Period year = Period.resolve("12mo", "2026-11-29", PARIS, NOW);
        assertEquals(LocalDate.parse("2025-12-01"), year.from());
        assertEquals(12, year.cover().size());
        assertEquals(365, year.series().size());
        Period custom = Period.resolve("custom", "2026-01-30,2026-03-02", PARIS, NOW);
        assertEquals(List.of(new ReadModelKeys.Day(LocalDate.parse("2026-01-30")),
                new ReadModelKeys.Day(LocalDate.parse("2026-01-31")), new ReadModelKeys.Month(YearMonth.of(2026, 2)),
                new ReadModelKeys.Day(LocalDate.parse("2026-03-01")),
                new ReadModelKeys.Day(LocalDate.parse("2026-03-02"))), custom.cover());
    }

    @Test
    void theLast24HoursAreTheCurrentLocalHourAndThe23Before() {
        Period day = Period.resolve("24h", null, ZoneId.of("Asia/Kolkata"), NOW);
        assertEquals(24, day.series().size());
        // 10:15Z is 15:45 in Kolkata, so the newest bucket starts at 15:00 local = 09:30Z
        assertEquals(new ReadModelKeys.Hour(Instant.parse("2026-11-29T09:30:00Z").getEpochSecond()),
                day.series().get(23));
    }

    @Test
    void badParametersAreNamed() {
        assertEquals("period", assertThrows(BadParameter.class,
                () -> Period.resolve("fortnight", null, PARIS, NOW)).parameter);
        assertEquals("date", assertThrows(BadParameter.class,
                () -> Period.resolve("day", "29/11/2026", PARIS, NOW)).parameter);
        assertEquals("date", assertThrows(BadParameter.class,
                () -> Period.resolve("custom", "2026-11-29", PARIS, NOW)).parameter);
        assertEquals("date", assertThrows(BadParameter.class,
                () -> Period.resolve("custom", "2026-11-29,2026-11-01", PARIS, NOW)).parameter);
    }
}
