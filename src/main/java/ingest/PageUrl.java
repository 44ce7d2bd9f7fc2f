package ingest;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** The parts of a page URL that Footfall keeps: path (no query) and the utm_* values. */
record PageUrl(String path, Map<String, String> utm) {

    static final int MAX_UTM = 255;

    static PageUrl parse(String url, boolean hashMode) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw BadHit.of("url", "url is not a valid URL");
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
            throw BadHit.of("url", "url must be an http or https URL");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw BadHit.of("url", "url has no host");
        }
        String path = uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath();
        if (hashMode && uri.getFragment() != null) {
            path = path + "#" + uri.getFragment();
        }
        if (HitParser.hasControlCharacters(path)) {
            throw BadHit.of("url", "url path contains control characters");
        }
        return new PageUrl(path, utm(uri.getRawQuery()));
    }

    private static Map<String, String> utm(String query) {
        Map<String, String> utm = new HashMap<>();
        if (query == null) {
            return utm;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq <= 0 || !pair.startsWith("utm_")) {
                continue;
            }
            String key = pair.substring(0, eq);
            String value;
            try {
                value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8).strip();
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (!value.isEmpty() && !HitParser.hasControlCharacters(value)) {
                utm.putIfAbsent(key, value.length() > MAX_UTM ? value.substring(0, MAX_UTM) : value);
            }
        }
        return utm;
    }
}
