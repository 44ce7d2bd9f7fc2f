package analytics.dashboard;

import java.util.ArrayList;
import java.util.List;

import analytics.stats.StatsQuery;

/** A server-rendered SVG line chart of visitors and page views: coordinates computed here, drawn by the template. */
public record Chart(int width, int height, String visitorsLine, String pageviewsLine, List<Dot> dots,
        List<Tick> xTicks, List<Tick> yTicks) {

    public record Dot(double x, double y, String label) {
    }

    public record Tick(double x, double y, String text) {
    }

    static final int WIDTH = 800;
    static final int HEIGHT = 240;
    private static final int LEFT = 48;
    private static final int RIGHT = 12;
    private static final int TOP = 12;
    private static final int BOTTOM = 28;

    static Chart of(List<StatsQuery.Point> points) {
        long max = 1;
        for (StatsQuery.Point point : points) {
            max = Math.max(max, Math.max(point.pageviews(), point.visitors()));
        }
        long top = niceCeiling(max);
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        int n = points.size();
        StringBuilder visitors = new StringBuilder();
        StringBuilder pageviews = new StringBuilder();
        List<Dot> dots = new ArrayList<>(n);
        List<Tick> xTicks = new ArrayList<>();
        int labelEvery = Math.max(1, (int) Math.ceil(n / 6.0));
        for (int i = 0; i < n; i++) {
            StatsQuery.Point point = points.get(i);
            double x = LEFT + (n == 1 ? plotWidth / 2 : plotWidth * i / (n - 1));
            double yv = TOP + plotHeight * (1 - (double) point.visitors() / top);
            double yp = TOP + plotHeight * (1 - (double) point.pageviews() / top);
            visitors.append(round(x)).append(',').append(round(yv)).append(' ');
            pageviews.append(round(x)).append(',').append(round(yp)).append(' ');
            dots.add(new Dot(round(x), round(yp), point.date() + ": " + point.visitors() + " visitors, "
                    + point.pageviews() + " page views"));
            if (i % labelEvery == 0) {
                xTicks.add(new Tick(round(x), HEIGHT - 8, shortLabel(point.date())));
            }
        }
        List<Tick> yTicks = new ArrayList<>();
        for (int step = 0; step <= 4; step++) {
            long value = top * step / 4;
            yTicks.add(new Tick(LEFT - 6, round(TOP + plotHeight * (1 - (double) value / top)), Long.toString(value)));
        }
        return new Chart(WIDTH, HEIGHT, visitors.toString().strip(), pageviews.toString().strip(), dots, xTicks,
                yTicks);
    }

    public int plotLeft() {
        return LEFT;
    }

    public int plotRight() {
        return WIDTH - RIGHT;
    }

    private static String shortLabel(String date) {
        return date.length() > 10 ? date.substring(11, 16) : date.substring(5);
    }

    private static long niceCeiling(long max) {
        long magnitude = 1;
        while (magnitude * 10 <= max) {
            magnitude *= 10;
        }
        for (long factor : new long[] {1, 2, 5, 10}) {
            if (magnitude * factor >= max) {
                return Math.max(4, magnitude * factor);
            }
        }
        return max;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
