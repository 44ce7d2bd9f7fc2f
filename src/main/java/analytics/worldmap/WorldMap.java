package analytics.worldmap;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A server-rendered SVG world map coloured by visitors. Presentation attributes only (no style=, no
 * script, no event handlers), so it renders inline under Footfall's Content-Security-Policy. Codes and
 * geometry are checked when the outlines load; country names are escaped.
 */
public final class WorldMap {

    private static final Outlines OUTLINES = Outlines.load();
    private static final List<Shape> SHAPES = OUTLINES.paths().entrySet().stream()
            .map(country -> Shape.of(country.getKey(), country.getValue())).toList();
    private static final String OPEN = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"world-map\" viewBox=\""
            + OUTLINES.viewBox() + "\" role=\"img\" aria-label=\"Visitors by country\">"
            + "<g stroke=\"#ffffff\" stroke-width=\".5\" stroke-linejoin=\"round\">";
    private static final String CLOSE = "</g></svg>";
    private static final int SIZE_HINT = 90_000;

    private WorldMap() {
    }

    /**
     * A complete {@code <svg>} element: one path per country on the map, with {@code data-country}, a fill
     * proportional to its share of the busiest country, and a "Name: N visitors" title for hover. Keys are
     * ISO 3166-1 alpha-2 codes; unknown keys, and countries too small for the map, are left out.
     */
    public static String svg(Map<String, Long> visitorsByCountry) {
        Map<String, Long> visitors = byMapCountry(visitorsByCountry);
        long max = visitors.values().stream().mapToLong(Long::longValue).max().orElse(0);
        StringBuilder svg = new StringBuilder(SIZE_HINT).append(OPEN);
        for (Shape shape : SHAPES) {
            long n = visitors.getOrDefault(shape.code(), 0L);
            svg.append(shape.head()).append(Shades.fill(n, max)).append(shape.body());
            appendGrouped(svg, n).append(n == 1 ? " visitor" : " visitors").append("</title></path>");
        }
        return svg.append(CLOSE).toString();
    }

    /** The parts of a country's path that do not depend on visitors, built once. */
    private record Shape(String code, String head, String body) {
        static Shape of(String code, String pathData) {
            return new Shape(code, "<path data-country=\"" + code + "\" fill=\"",
                    "\" d=\"" + pathData + "\"><title>" + Xml.escape(Countries.name(code)) + ": ");
        }
    }

    private static StringBuilder appendGrouped(StringBuilder out, long n) {
        String digits = Long.toString(n);
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                out.append(',');
            }
            out.append(digits.charAt(i));
        }
        return out;
    }

    private static Map<String, Long> byMapCountry(Map<String, Long> visitorsByCountry) {
        Map<String, Long> visitors = new HashMap<>();
        if (visitorsByCountry != null) {
            visitorsByCountry.forEach((key, n) -> {
                String code = Countries.normalize(key);
                if (code != null && n != null && n > 0 && OUTLINES.paths().containsKey(code)) {
                    visitors.merge(code, n, Long::sum);
                }
            });
        }
        return visitors;
    }
}
