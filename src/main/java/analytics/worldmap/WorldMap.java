package analytics.worldmap;

import java.text.NumberFormat;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A server-rendered SVG world map coloured by visitors. Presentation attributes only (no style=, no
 * script, no event handlers), so it renders inline under Footfall's Content-Security-Policy. Codes and
 * geometry are checked when the outlines load; country names are escaped.
 */
public final class WorldMap {

    private static final Outlines OUTLINES = Outlines.load();

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
        NumberFormat count = NumberFormat.getIntegerInstance(Locale.ENGLISH);
        StringBuilder svg = new StringBuilder(80_000)
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"world-map\" viewBox=\"")
                .append(OUTLINES.viewBox())
                .append("\" role=\"img\" aria-label=\"Visitors by country\">")
                .append("<g stroke=\"#ffffff\" stroke-width=\".5\" stroke-linejoin=\"round\">");
        OUTLINES.paths().entrySet().forEach(country -> {
            String code = country.getKey();
            long n = visitors.getOrDefault(code, 0L);
            svg.append("<path data-country=\"").append(code)
                    .append("\" fill=\"").append(Shades.fill(n, max))
                    .append("\" d=\"").append(country.getValue()).append("\"><title>")
                    .append(Xml.escape(Countries.name(code) + ": " + count.format(n) + (n == 1 ? " visitor" : " visitors")))
                    .append("</title></path>");
        });
        return svg.append("</g></svg>").toString();
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
