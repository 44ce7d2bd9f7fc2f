package ingest;

import java.util.List;
import java.util.Map;

/** A hit as the tracker sent it, checked for shape and limits but not yet enriched. */
record ParsedHit(String name, String url, List<String> domains, String referrer, Map<String, String> props,
        boolean hashMode, Integer screenWidth, boolean interactive) {
}
