package analytics.dashboard;

import java.util.ArrayList;
import java.util.List;

import analytics.stats.StatsQuery;

/** A server-rendered SVG line chart of one top-row metric: coordinates computed here, drawn by the template. */
public record Chart(int width, int height, String metric, String label, String line, String area, List<Dot> dots,
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

    static Chart of(List<StatsQuery.Point> points, ChartMetric metric) {
        double max = 0;
        for (StatsQuery.Point point : points) {
            max = Math.max(max, metric.of(point));
        }
        double top = switch (metric) {
            case BOUNCE_RATE -> 100;
            case VIEWS_PER_VISIT -> Math.max(1, Math.ceil(max));
            default -> niceCeiling((long) Math.ceil(max));
        };
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        double bottom = TOP + plotHeight;
        int n = points.size();
        StringBuilder line = new StringBuilder();
        List<Dot> dots = new ArrayList<>(n);
        List<Tick> xTicks = new ArrayList<>();
        int labelEvery = Math.max(1, (int) Math.ceil(n / 6.0));
        double firstX = LEFT;
        double lastX = LEFT;
        for (int i = 0; i < n; i++) {
            StatsQuery.Point point = points.get(i);
            double value = metric.of(point);
            double x = round(LEFT + (n == 1 ? plotWidth / 2 : plotWidth * i / (n - 1)));
            double y = round(TOP + plotHeight * (1 - value / top));
            line.append(x).append(',').append(y).append(' ');
            dots.add(new Dot(x, y, point.date() + ": " + metric.text(value) + " " + metric.label.toLowerCase()));
            if (i % labelEvery == 0) {
                xTicks.add(new Tick(x, HEIGHT - 8, shortLabel(point.date())));
            }
            firstX = i == 0 ? x : firstX;
            lastX = x;
        }
        String area = n == 0 ? "" : firstX + "," + bottom + " " + line + lastX + "," + bottom;
        List<Tick> yTicks = new ArrayList<>();
        // steps that land on whole numbers for counts (10 in 5 steps, not 2.5 each)
        int steps = metric == ChartMetric.VIEWS_PER_VISIT || top % 4 == 0 ? 4 : top % 5 == 0 ? 5 : 2;
        for (int step = 0; step <= steps; step++) {
            double value = top * step / steps;
            yTicks.add(new Tick(LEFT - 6, round(TOP + plotHeight * (1 - value / top)), metric.text(value)));
        }
        return new Chart(WIDTH, HEIGHT, metric.key, metric.label, line.toString().strip(), area.strip(), dots,
                xTicks, yTicks);
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
