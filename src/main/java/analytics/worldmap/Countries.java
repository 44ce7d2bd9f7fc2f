package analytics.worldmap;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** English country names for ISO 3166-1 alpha-2 codes, from the JDK's locale data. */
public final class Countries {

    static final String UNKNOWN = "Unknown";
    // Kosovo's user-assigned code, used by GeoIP databases and by the map; not in Locale.getISOCountries().
    private static final Set<String> EXTRA = Set.of("XK");
    private static final Set<String> ISO = Set.of(Locale.getISOCountries());

    private Countries() {
    }

    /** The English name of a country, or "Unknown" for an empty, unknown or malformed code. */
    public static String name(String code) {
        String normal = normalize(code);
        return normal == null ? UNKNOWN : new Locale("", normal).getDisplayCountry(Locale.ENGLISH);
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
