package ingest.enrich;

import java.util.List;
import java.util.Locale;

/** Source, referrer, campaign and channel of a hit, the way Plausible attributes them. */
final class Attribution {

    static final int MAX_SOURCE = 255;
    static final int MAX_REFERRER = 512;
    private static final int MAX_URL = 8192;
    private static final List<String> CLICK_IDS = List.of("gclid", "gbraid", "wbraid", "msclkid", "fbclid", "twclid");
    private static final String APP = "android-app://";

    private final ReferrerDatabase referrers;
    private final SourceNames names;
    private final Channels channels;

    Attribution(ReferrerDatabase referrers, SourceNames names) {
        this.referrers = referrers;
        this.names = names;
        this.channels = new Channels(names);
    }

    Acquisition of(String pageUrl, String referrer, String siteDomain) {
        String url = pageUrl == null ? null : pageUrl.substring(0, Math.min(pageUrl.length(), MAX_URL));
        QueryParams params = QueryParams.of(url);
        String tagged = firstOf(params, "utm_source", "source", "ref");
        String medium = utm(params, "utm_medium");
        String campaign = utm(params, "utm_campaign");
        String clickId = clickId(params);

        ReferrerUrl ref = ReferrerUrl.parse(referrer);
        if (ref != null && isInternal(ref, url, siteDomain)) {
            ref = null;
        }
        String source;
        if (tagged != null) {
            source = SafeText.clean(names.canonical(tagged), MAX_SOURCE);
        } else if (ref != null) {
            source = SafeText.clean(names.canonical(referrerName(ref)), MAX_SOURCE);
        } else {
            source = null;
        }
        if (medium == null && "gclid".equals(clickId) && "Google".equals(source)) {
            medium = "(gclid)";
        } else if (medium == null && "msclkid".equals(clickId) && "Bing".equals(source)) {
            medium = "(msclkid)";
        }
        Utm utm = new Utm(tagged, medium, campaign, utm(params, "utm_content"), utm(params, "utm_term"));
        Channel channel = channels.of(source, medium, campaign, tagged, clickId);
        return new Acquisition(source == null ? Acquisition.DIRECT : source, ref == null ? null : formatted(ref),
                source == null ? null : names.categoryOf(source), channel, utm, clickId);
    }

    private String referrerName(ReferrerUrl ref) {
        ReferrerDatabase.Known known = referrers.lookup(ref);
        if (known != null) {
            return known.name();
        }
        return ref.app() ? APP + ref.host() : ref.shortHost();
    }

    // a visitor moving within the site, or a developer's localhost, is not a referral
    private static boolean isInternal(ReferrerUrl ref, String pageUrl, String siteDomain) {
        if (ref.app()) {
            return false;
        }
        String host = ref.shortHost();
        if (host.equals("localhost")) {
            return true;
        }
        ReferrerUrl page = ReferrerUrl.parse(pageUrl);
        if (page != null && page.shortHost().equals(host)) {
            return true;
        }
        if (siteDomain == null || siteDomain.isBlank()) {
            return false;
        }
        String site = siteDomain.strip().toLowerCase(Locale.ROOT);
        site = site.startsWith("www.") ? site.substring(4) : site;
        return host.equals(site) || host.endsWith("." + site);
    }

    private static String formatted(ReferrerUrl ref) {
        String path = ref.path();
        int end = path.length();
        while (end > 0 && path.charAt(end - 1) == '/') {
            end--;
        }
        String prefix = ref.app() ? APP + ref.host() : ref.shortHost();
        return SafeText.clean(prefix + path.substring(0, end), MAX_REFERRER);
    }

    private static String firstOf(QueryParams params, String... names) {
        for (String name : names) {
            String value = utm(params, name);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static String utm(QueryParams params, String name) {
        return SafeText.clean(params.get(name), Utm.MAX);
    }

    private static String clickId(QueryParams params) {
        for (String name : CLICK_IDS) {
            if (params.has(name)) {
                return name;
            }
        }
        return null;
    }
}
