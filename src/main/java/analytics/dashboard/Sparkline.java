package analytics.dashboard;

import java.util.List;

import analytics.stats.StatsQuery;

/** A tiny line of visitors per hour for the sites list; coordinates computed here, drawn by the template. */
public record Sparkline(int width, int height, String points) {

    static final int WIDTH = 120;
    static final int HEIGHT = 32;

    static Sparkline of(List<StatsQuery.Point> points) {
        long max = Math.max(1, points.stream().mapToLong(StatsQuery.Point::visitors).max().orElse(1));
        StringBuilder line = new StringBuilder();
        int n = points.size();
        for (int i = 0; i < n; i++) {
            double x = n == 1 ? WIDTH / 2.0 : (WIDTH - 2) * i / (double) (n - 1) + 1;
            double y = HEIGHT - 2 - (HEIGHT - 4) * points.get(i).visitors() / (double) max;
            line.append(Math.round(x * 10) / 10.0).append(',').append(Math.round(y * 10) / 10.0).append(' ');
        }
        return new Sparkline(WIDTH, HEIGHT, line.toString().strip());
    }
}
