package ingest;

import java.net.URI;
import java.net.URISyntaxException;

/** Keeps only the referrer's host, and none when the visitor came from the site itself. */
final class Referrers {

    private Referrers() {
    }

    static String host(String referrer, String site) {
        if (referrer == null) {
            return null;
        }
        String host;
        try {
            host = new URI(referrer).getHost();
        } catch (URISyntaxException e) {
            return null;
        }
        if (host == null || host.isBlank()) {
            return null;
        }
        host = host.toLowerCase();
        if (host.startsWith("www.")) {
            host = host.substring(4);
        }
        return !site.isEmpty() && (host.equals(site) || host.endsWith("." + site)) ? null : host;
    }
}
