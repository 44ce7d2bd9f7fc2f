package ingest;

import java.net.URI;
import java.net.URISyntaxException;

/** The part of a page URL that Footfall keeps as the page: its path (no query). Campaigns: ingest.enrich. */
record PageUrl(String path) {

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
        return new PageUrl(path);
    }
}
