package ingest.enrich;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Source names: a tagged source's canonical spelling ("GOOGLE", "ig" to Google, Instagram) and each name's category. */
final class SourceNames {

    private final ReferrerDatabase referrers;
    private final Map<String, String> canonical = new HashMap<>();
    private final Set<String> paidTags = new HashSet<>();
    private final Map<String, SourceCategory> categories = new HashMap<>();

    SourceNames(ReferrerDatabase referrers) {
        this.referrers = referrers;
        for (String name : referrers.names()) {
            canonical.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
        }
        for (String[] row : TsvResource.rows("source-aliases.tsv", 3)) {
            canonical.put(row[0].toLowerCase(Locale.ROOT), row[1]);
            if (row[2].equals("yes")) {
                paidTags.add(row[0].toLowerCase(Locale.ROOT));
            }
        }
        for (String[] row : TsvResource.rows("source-categories.tsv", 2)) {
            categories.put(row[0].toLowerCase(Locale.ROOT), SourceCategory.of(row[1]));
        }
    }

    /** The known name for a source, matched case-insensitively; the source itself when it is not known. */
    String canonical(String source) {
        return canonical.getOrDefault(source.toLowerCase(Locale.ROOT), source);
    }

    /** The category that decides the channel of a source (a name, or a host for a source not in the database). */
    SourceCategory categoryOf(String source) {
        if (source == null) {
            return SourceCategory.UNKNOWN;
        }
        String lower = source.toLowerCase(Locale.ROOT);
        SourceCategory category = categories.get(lower);
        if (category == null) {
            category = referrers.categoryOfName(lower);
        }
        if (category == null && lower.indexOf('.') > 0) {
            // a source given as a host, e.g. utm_source=facebook.com: the category of the name listed for it
            ReferrerDatabase.Known known = referrers.lookup(new ReferrerUrl(false, lower, ""));
            category = known == null ? null : categoryOf(known.name());
        }
        return category == null ? SourceCategory.UNKNOWN : category;
    }

    /** Whether a utm_source is an ad network's tag such as "fb-ads" or "adwords". */
    boolean isPaidTag(String utmSource) {
        return utmSource != null && paidTags.contains(utmSource.toLowerCase(Locale.ROOT));
    }
}
