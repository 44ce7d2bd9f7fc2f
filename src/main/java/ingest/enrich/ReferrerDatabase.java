package ingest.enrich;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Referrer host to a named source: Snowplow's referer-parser data (referers.tsv) overlaid with Footfall's own
 * additions (sources.tsv). A host matches its own entry or that of its nearest listed parent domain, so
 * www.google.co.uk and news.google.de find google.co.uk and google.de; a lookup costs two map probes per label.
 */
final class ReferrerDatabase {

    /** A listed source: its display name and the database's category for it. */
    record Known(String name, SourceCategory category) {
    }

    private record PathEntry(String prefix, Known source) {
    }

    private static final String APP = "android-app://";

    private final Map<String, Known> byHost = new HashMap<>();
    private final Map<String, List<PathEntry>> byHostAndPath = new HashMap<>();
    private final Map<String, SourceCategory> categoryByName = new HashMap<>();

    ReferrerDatabase() {
        // Snowplow lists "unknown" first so that e.g. support.google.com is not taken for Google search: first wins
        for (String[] row : TsvResource.rows("referers.tsv", 3)) {
            add(row, false);
        }
        for (String[] row : TsvResource.rows("sources.tsv", 3)) {
            add(row, true);
        }
    }

    Known lookup(ReferrerUrl referrer) {
        if (referrer.app()) {
            return byHost.get(APP + referrer.host());
        }
        // the nearest host entry, unless a host/path entry (google.com/imgres: Google Images) matches on the way up
        Known nearest = null;
        String candidate = referrer.host();
        while (true) {
            Known byPath = matchPath(candidate, referrer.path());
            if (byPath != null) {
                return byPath;
            }
            if (nearest == null) {
                nearest = byHost.get(candidate);
            }
            int dot = candidate.indexOf('.');
            if (dot < 0 || candidate.indexOf('.', dot + 1) < 0) {
                return nearest; // never match a bare top-level domain
            }
            candidate = candidate.substring(dot + 1);
        }
    }

    /** The category a source name has in the database (search or social before email, paid and unknown), or null. */
    SourceCategory categoryOfName(String lowerCaseName) {
        return categoryByName.get(lowerCaseName);
    }

    /** Every listed name, each once. */
    Set<String> names() {
        Set<String> names = new HashSet<>();
        byHost.values().forEach(k -> names.add(k.name()));
        byHostAndPath.values().forEach(list -> list.forEach(p -> names.add(p.source().name())));
        return names;
    }

    private Known matchPath(String host, String path) {
        List<PathEntry> entries = byHostAndPath.get(host);
        if (entries == null) {
            return null;
        }
        for (PathEntry entry : entries) {
            if (path.startsWith(entry.prefix())) {
                return entry.source();
            }
        }
        return null;
    }

    private void add(String[] row, boolean override) {
        SourceCategory category = SourceCategory.of(row[0]);
        Known known = new Known(row[1], category);
        String domain = row[2].toLowerCase(Locale.ROOT);
        int slash = domain.startsWith(APP) ? -1 : domain.indexOf('/');
        if (slash > 0) {
            String prefix = domain.substring(slash).replaceAll("/+$", "");
            List<PathEntry> entries = byHostAndPath.computeIfAbsent(domain.substring(0, slash), h -> new ArrayList<>());
            if (override) {
                entries.removeIf(e -> e.prefix().equals(prefix));
            }
            entries.add(new PathEntry(prefix, known));
        } else if (override) {
            byHost.put(domain, known);
        } else {
            byHost.putIfAbsent(domain, known);
        }
        categoryByName.merge(row[1].toLowerCase(Locale.ROOT), category, ReferrerDatabase::stronger);
    }

    private static SourceCategory stronger(SourceCategory a, SourceCategory b) {
        return a.ordinal() <= b.ordinal() ? a : b;
    }
}
