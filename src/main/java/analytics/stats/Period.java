package analytics.stats;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import analytics.readmodel.ReadModelKeys;
import analytics.web.BadParameter;

/**
 * A Stats API period resolved in the site's time zone: the buckets of its time series and the
 * fewest buckets that cover it (whole months as months), so a year costs about as much as a month.
 */
public record Period(String name, LocalDate from, LocalDate to, List<ReadModelKeys.Bucket> series,
        List<ReadModelKeys.Bucket> cover) {

    static final Set<String> NAMES = Set.of("24h", "day", "7d", "30d", "month", "6mo", "12mo", "custom");
    static final int MAX_CUSTOM_DAYS = 3 * 366;
    private static final DateTimeFormatter HOUR_LABEL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:00:00");

    /** One point of a time series: its label and the buckets it adds up. */
    public record Point(String label, List<ReadModelKeys.Bucket> buckets) {
    }

    /** The time series' points: each bucket of {@link #series}, or each month (whole months as one bucket). */
    List<Point> points(boolean monthly, ZoneId zone) {
        List<Point> points = new ArrayList<>();
        if (!monthly) {
            series.forEach(bucket -> points.add(new Point(label(bucket, zone), List.of(bucket))));
            return points;
        }
        for (YearMonth month = YearMonth.from(from); !month.isAfter(YearMonth.from(to)); month = month.plusMonths(1)) {
            LocalDate first = month.atDay(1).isBefore(from) ? from : month.atDay(1);
            LocalDate last = month.atEndOfMonth().isAfter(to) ? to : month.atEndOfMonth();
            List<ReadModelKeys.Bucket> buckets = new ArrayList<>();
            if (first.getDayOfMonth() == 1 && last.equals(month.atEndOfMonth())) {
                buckets.add(new ReadModelKeys.Month(month));
            } else {
                for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
                    buckets.add(new ReadModelKeys.Day(day));
                }
            }
            points.add(new Point(month.atDay(1).toString(), buckets));
        }
        return points;
    }

    boolean hourly() {
        return !series.isEmpty() && series.get(0) instanceof ReadModelKeys.Hour;
    }

    public static Period resolve(String period, String date, ZoneId zone, Instant now) {
        String name = period == null || period.isBlank() ? "30d" : period.strip();
        if (!NAMES.contains(name)) {
            throw new BadParameter("period", "unknown period '" + name + "'; use one of 24h, day, 7d, 30d, month, "
                    + "6mo, 12mo, custom");
        }
        LocalDate today = now.atZone(zone).toLocalDate();
        if (name.equals("custom")) {
            return custom(date, zone);
        }
        LocalDate anchor = date == null || date.isBlank() ? today : parseDate(date.strip());
        return switch (name) {
            case "24h" -> last24Hours(zone, now);
            case "day" -> new Period(name, anchor, anchor, hoursOf(anchor, zone), List.of(new ReadModelKeys.Day(anchor)));
            case "7d" -> days(name, anchor.minusDays(6), anchor);
            case "30d" -> days(name, anchor.minusDays(29), anchor);
            case "month" -> days(name, anchor.withDayOfMonth(1), YearMonth.from(anchor).atEndOfMonth());
            case "6mo" -> days(name, YearMonth.from(anchor).minusMonths(5).atDay(1), YearMonth.from(anchor).atEndOfMonth());
            default -> days(name, YearMonth.from(anchor).minusMonths(11).atDay(1), YearMonth.from(anchor).atEndOfMonth());
        };
    }

    String label(ReadModelKeys.Bucket bucket, ZoneId zone) {
        if (bucket instanceof ReadModelKeys.Hour hour) {
            return Instant.ofEpochSecond(hour.startEpochSecond()).atZone(zone).format(HOUR_LABEL);
        }
        return ((ReadModelKeys.Day) bucket).date().toString();
    }

    private static Period custom(String date, ZoneId zone) {
        if (date == null || date.isBlank()) {
            throw new BadParameter("date", "period=custom needs date=YYYY-MM-DD,YYYY-MM-DD");
        }
        String[] parts = date.split(",");
        if (parts.length != 2) {
            throw new BadParameter("date", "period=custom needs date=YYYY-MM-DD,YYYY-MM-DD");
        }
        LocalDate from = parseDate(parts[0].strip());
        LocalDate to = parseDate(parts[1].strip());
        if (to.isBefore(from)) {
            throw new BadParameter("date", "the custom range ends before it starts");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_CUSTOM_DAYS) {
            throw new BadParameter("date", "a custom range may span at most " + MAX_CUSTOM_DAYS + " days");
        }
        return days("custom", from, to);
    }

    private static Period last24Hours(ZoneId zone, Instant now) {
        ZonedDateTime current = now.atZone(zone).truncatedTo(ChronoUnit.HOURS);
        List<ReadModelKeys.Bucket> hours = new ArrayList<>(24);
        for (int back = 23; back >= 0; back--) {
            hours.add(new ReadModelKeys.Hour(current.minusHours(back).toEpochSecond()));
        }
        return new Period("24h", current.minusHours(23).toLocalDate(), current.toLocalDate(), hours, hours);
    }

    private static List<ReadModelKeys.Bucket> hoursOf(LocalDate day, ZoneId zone) {
        List<ReadModelKeys.Bucket> hours = new ArrayList<>(25);
        ZonedDateTime end = day.plusDays(1).atStartOfDay(zone);
        for (ZonedDateTime hour = day.atStartOfDay(zone); hour.isBefore(end); hour = hour.plusHours(1)) {
            hours.add(new ReadModelKeys.Hour(hour.toEpochSecond()));
        }
        return hours;
    }

    private static Period days(String name, LocalDate from, LocalDate to) {
        List<ReadModelKeys.Bucket> series = new ArrayList<>();
        List<ReadModelKeys.Bucket> cover = new ArrayList<>();
        LocalDate day = from;
        while (!day.isAfter(to)) {
            YearMonth month = YearMonth.from(day);
            if (day.getDayOfMonth() == 1 && !month.atEndOfMonth().isAfter(to)) {
                cover.add(new ReadModelKeys.Month(month));
                for (LocalDate d = day; !d.isAfter(month.atEndOfMonth()); d = d.plusDays(1)) {
                    series.add(new ReadModelKeys.Day(d));
                }
                day = month.atEndOfMonth().plusDays(1);
            } else {
                series.add(new ReadModelKeys.Day(day));
                cover.add(new ReadModelKeys.Day(day));
                day = day.plusDays(1);
            }
        }
        return new Period(name, from, to, series, cover);
    }

    private static LocalDate parseDate(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeException e) {
            throw new BadParameter("date", "'" + text + "' is not a date in the form YYYY-MM-DD");
        }
    }
}
