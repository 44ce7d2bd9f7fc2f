package analytics.worldmap;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/** English country names for ISO 3166-1 alpha-2 codes, from the JDK's locale data. */
public final class Countries {

    static final String UNKNOWN = "Unknown";
    // Kosovo's user-assigned code, used by GeoIP databases and by the map; not in Locale.getISOCountries().
    private static final Set<String> EXTRA = Set.of("XK");
    private static final Set<String> ISO = Set.of(Locale.getISOCountries());
    // Looked up once: Locale's display names cost microseconds each, and the map shows 174 per render.
    private static final Map<String, String> NAMES = codes().stream().collect(Collectors.toUnmodifiableMap(
            Function.identity(), code -> new Locale("", code).getDisplayCountry(Locale.ENGLISH)));

    private Countries() {
    }

    /** The English name of a country, or "Unknown" for an empty, unknown or malformed code. */
    public static String name(String code) {
        String normal = normalize(code);
        return normal == null ? UNKNOWN : NAMES.get(normal);
    }

    /** Every code Footfall knows a name for. */
    static Set<String> codes() {
        Set<String> codes = new TreeSet<>(ISO);
        codes.addAll(EXTRA);
        return codes;
    }

    /** The upper-case code when it names a country Footfall knows, else null. */
    static String normalize(String code) {
        if (code == null || code.length() != 2) {
            return null;
        }
        String upper = code.toUpperCase(Locale.ROOT);
        return ISO.contains(upper) || EXTRA.contains(upper) ? upper : null;
    }
}
