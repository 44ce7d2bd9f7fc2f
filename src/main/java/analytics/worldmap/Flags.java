package analytics.worldmap;

import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Country flags served by Footfall itself from /static/flags (flag-icons, 4:3), never from another host. */
public final class Flags {

    static final String PLACEHOLDER = "/static/flags/xx.svg";
    static final String CLASSPATH_ROOT = "META-INF/resources";
    private static final Map<String, String> URLS = Countries.codes().stream()
            .filter(code -> Flags.class.getClassLoader().getResource(CLASSPATH_ROOT + path(code)) != null)
            .collect(Collectors.toUnmodifiableMap(Function.identity(), Flags::path));

    private Flags() {
    }

    /** The flag's URL for an ISO 3166-1 alpha-2 code, or a neutral placeholder flag when there is none. */
    public static String url(String countryCode) {
        String code = Countries.normalize(countryCode);
        return code == null ? PLACEHOLDER : URLS.getOrDefault(code, PLACEHOLDER);
    }

    private static String path(String code) {
        return "/static/flags/" + code.toLowerCase(Locale.ROOT) + ".svg";
    }
}
