package analytics.sites;

import java.util.Locale;
import java.util.regex.Pattern;

/** Turns what a person types for a site ("https://www.Example.com/") into its domain ("example.com"). */
public final class Domains {

    private static final Pattern DOMAIN = Pattern.compile(
            "^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$");

    private Domains() {
    }

    /** The normalised domain; throws IllegalArgumentException naming what is wrong. */
    public static String normalise(String input) {
        if (input == null || input.isBlank()) {
            throw new IllegalArgumentException("domain is required");
        }
        String domain = input.strip().toLowerCase(Locale.ROOT);
        int scheme = domain.indexOf("://");
        if (scheme >= 0) {
            domain = domain.substring(scheme + 3);
        }
        int slash = domain.indexOf('/');
        if (slash >= 0) {
            domain = domain.substring(0, slash);
        }
        int colon = domain.indexOf(':');
        if (colon >= 0) {
            domain = domain.substring(0, colon);
        }
        if (domain.startsWith("www.")) {
            domain = domain.substring(4);
        }
        if (domain.endsWith(".")) {
            domain = domain.substring(0, domain.length() - 1);
        }
        if (!DOMAIN.matcher(domain).matches()) {
            throw new IllegalArgumentException("'" + input.strip() + "' is not a valid domain");
        }
        // a dot also keeps site paths (/example.com) apart from Footfall's own (/login, /settings)
        if (!domain.contains(".")) {
            throw new IllegalArgumentException("'" + input.strip() + "' is not a full domain such as example.com");
        }
        return domain;
    }
}
