package analytics.stats;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import analytics.readmodel.Dimension;
import analytics.web.BadParameter;

/** What a Stats API breakdown groups by: {@code event:page} or a visit property, with Plausible's row shape. */
record Property(String name, Dimension dimension) {

    static final String PAGE = "event:page";
    static final String SUPPORTED = PAGE + ", " + Arrays.stream(Dimension.values()).map(Dimension::property)
            .collect(Collectors.joining(", "));

    private static final Set<Metric> PAGE_METRICS = Set.of(Metric.VISITORS, Metric.PAGEVIEWS);
    private static final Set<Metric> EXIT_METRICS = Set.of(Metric.VISITORS, Metric.VISITS, Metric.PAGEVIEWS,
            Metric.EXIT_RATE);
    private static final Set<Metric> VISIT_METRICS = Set.of(Metric.VISITORS, Metric.VISITS, Metric.PAGEVIEWS,
            Metric.BOUNCE_RATE, Metric.VISIT_DURATION);

    static Property parse(String property) {
        if (property == null || property.isBlank()) {
            throw new BadParameter("property", "property is required; supported: " + SUPPORTED);
        }
        String name = property.strip();
        if (name.equals(PAGE)) {
            return new Property(name, null);
        }
        Dimension dimension = Dimension.ofProperty(name);
        if (dimension == null) {
            throw new BadParameter("property", "unknown or unsupported property '" + property + "'; supported: "
                    + SUPPORTED);
        }
        return new Property(name, dimension);
    }

    boolean page() {
        return dimension == null;
    }

    /** The 400s Plausible gives for metrics a breakdown cannot answer. */
    void check(List<Metric> metrics) {
        Set<Metric> allowed = page() ? PAGE_METRICS : dimension == Dimension.EXIT_PAGE ? EXIT_METRICS : VISIT_METRICS;
        for (Metric metric : metrics) {
            if (metric == Metric.VIEWS_PER_VISIT) {
                throw new BadParameter("metrics", "metric views_per_visit is not supported in breakdown queries");
            }
            if (!allowed.contains(metric)) {
                throw new BadParameter("metrics", "metric " + metric.apiName() + " is not supported with property "
                        + name + "; supported: " + allowed.stream().map(Metric::apiName).sorted()
                        .collect(Collectors.joining(", ")));
            }
        }
    }

    /** A row as Plausible shapes it: the property's short name (and, for versions, the browser or OS), then metrics. */
    Map<String, Object> row(String value, List<Metric> metrics, long visitors, long pageviews, VisitFigures visits,
            long exitRate) {
        Map<String, Object> row = new LinkedHashMap<>();
        String column = name.substring(name.indexOf(':') + 1);
        if (dimension == Dimension.BROWSER_VERSION || dimension == Dimension.OS_VERSION) {
            String[] parts = Dimension.nameAndVersion(value);
            row.put(dimension == Dimension.BROWSER_VERSION ? "browser" : "os", parts[0]);
            row.put(column, parts[1]);
        } else {
            row.put(column, value);
        }
        for (Metric metric : metrics) {
            row.put(metric.apiName(), metric == Metric.EXIT_RATE ? exitRate : metric.of(visitors, pageviews, visits));
        }
        return row;
    }
}
