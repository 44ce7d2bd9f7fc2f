package analytics.dashboard;

import java.util.Locale;

/** How the dashboard writes numbers, as Plausible does: 1.2k, 3.4M, 45%, 1m 23s. */
final class Figures {

    private Figures() {
    }

    static String compact(long n) {
        if (n < 1_000) {
            return Long.toString(n);
        }
        if (n < 1_000_000) {
            return shortened(n / 1_000.0, "k");
        }
        if (n < 1_000_000_000) {
            return shortened(n / 1_000_000.0, "M");
        }
        return shortened(n / 1_000_000_000.0, "B");
    }

    /** Whole seconds as "45s", "1m 23s", "2h 5m". */
    static String duration(long seconds) {
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return seconds / 60 + "m " + seconds % 60 + "s";
        }
        return seconds / 3600 + "h " + seconds % 3600 / 60 + "m";
    }

    static String grouped(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static String shortened(double value, String unit) {
        String text = value >= 100 ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", Math.floor(value * 10) / 10);
        return (text.endsWith(".0") ? text.substring(0, text.length() - 2) : text) + unit;
    }
}
