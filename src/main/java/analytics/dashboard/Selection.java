package analytics.dashboard;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the dashboard's query string chose: the period, the charted metric and each card's tab. Every
 * link of the page is this selection with one choice changed, so tabs work without a script and keep
 * the rest. Defaults are left out of the links.
 */
public final class Selection {

    public record Field(String name, String value) {
    }

    static final Set<String> PERIOD = Set.of("period", "date", "from", "to");
    static final Map<String, String> DEFAULTS = Map.of("metric", "visitors", "sources", "channel", "pages", "page",
            "locations", "map", "devices", "browser");
    private static final List<String> ORDER = List.of("period", "date", "from", "to", "metric", "sources", "pages",
            "locations", "devices");

    private final Map<String, String> values;

    private Selection(Map<String, String> values) {
        this.values = values;
    }

    /** Reads the known parameters; an unknown tab or metric falls back to the card's default. */
    static Selection of(Map<String, String> query) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : ORDER) {
            String value = query.get(name);
            if (value != null && !value.isBlank() && valid(name, value.strip())) {
                values.put(name, value.strip());
            }
        }
        return new Selection(values);
    }

    String get(String name) {
        return values.getOrDefault(name, DEFAULTS.get(name));
    }

    Dashboards.Ask ask() {
        return new Dashboards.Ask(values.get("period"), values.get("date"), values.get("from"), values.get("to"));
    }

    /** The query string ("?..." or "?") of this selection with {@code name} set to {@code value}. */
    public String with(String name, String value) {
        Map<String, String> next = new LinkedHashMap<>(values);
        next.put(name, value);
        return query(next);
    }

    /** This selection for another period: the range parameters are dropped with the old period. */
    public String withPeriod(String period) {
        Map<String, String> next = new LinkedHashMap<>();
        next.put("period", period);
        values.forEach((name, value) -> {
            if (!PERIOD.contains(name)) {
                next.put(name, value);
            }
        });
        return query(next);
    }

    /** The period's parameters only, for the Details pages. */
    public String periodQuery() {
        Map<String, String> period = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            if (PERIOD.contains(name)) {
                period.put(name, value);
            }
        });
        String query = query(period);
        return query.length() == 1 ? "" : query;
    }

    /** The choices other than the period, as hidden fields of the custom-range form. */
    public List<Field> kept() {
        List<Field> fields = new ArrayList<>();
        values.forEach((name, value) -> {
            if (!PERIOD.contains(name)) {
                fields.add(new Field(name, value));
            }
        });
        return fields;
    }

    private static String query(Map<String, String> values) {
        StringBuilder query = new StringBuilder("?");
        values.forEach((name, value) -> {
            if (!value.equals(DEFAULTS.get(name))) {
                query.append(query.length() > 1 ? "&" : "").append(name).append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        return query.toString();
    }

    private static boolean valid(String name, String value) {
        return switch (name) {
            case "metric" -> ChartMetric.of(value) != null;
            case "sources", "pages", "locations", "devices" -> Cards.valid(name, value);
            default -> true;
        };
    }
}
