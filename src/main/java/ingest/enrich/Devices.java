package ingest.enrich;

import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import ua_parser.OS;
import ua_parser.Parser;
import ua_parser.UserAgent;

/** Browser, OS and screen size of a hit: uap-java's parse, cached per User-Agent, renamed to Plausible's names. */
final class Devices {

    static final int MAX_USER_AGENT = 512;
    private static final int CACHE_SIZE = 10_000;
    private static final int MAX_NAME = 64;
    private static final int MAX_VERSION = 32;
    private static final String MOBILE_APP = "Mobile App";
    // uap-java's names for mobile builds and in-app views, folded as Plausible folds them
    private static final Map<String, String> BROWSERS = Map.ofEntries(
            Map.entry("Mobile Safari", "Safari"),
            Map.entry("Chrome Mobile", "Chrome"),
            Map.entry("Chrome Mobile iOS", "Chrome"),
            Map.entry("Firefox Mobile", "Firefox"),
            Map.entry("Firefox iOS", "Firefox"),
            Map.entry("Opera Mobile", "Opera"),
            Map.entry("Opera Mini", "Opera"),
            Map.entry("Edge", "Microsoft Edge"),
            Map.entry("Edge Mobile", "Microsoft Edge"),
            Map.entry("Yandex Browser Lite", "Yandex Browser"),
            Map.entry("Chrome Mobile WebView", MOBILE_APP),
            Map.entry("Mobile Safari UI/WKWebView", MOBILE_APP),
            Map.entry("Facebook", MOBILE_APP),
            Map.entry("Instagram", MOBILE_APP));
    private static final Map<String, String> SYSTEMS = Map.of("Mac OS X", "Mac", "Linux", "GNU/Linux");

    /** What the User-Agent alone says; the screen size is settled per hit, with the width. */
    private record Agent(String browser, String browserVersion, String os, String osVersion, String screenSize) {
    }

    private static final Agent NOTHING = new Agent(null, null, null, null, null);

    private final Parser parser = new Parser();
    private final Cache<String, Agent> cache = Caffeine.newBuilder().maximumSize(CACHE_SIZE).build();

    Device of(String userAgent, Integer screenWidth) {
        Agent agent = agent(userAgent);
        String size = screenWidth != null && screenWidth > 0 ? sizeOf(screenWidth) : agent.screenSize();
        return new Device(size, agent.browser(), agent.browserVersion(), agent.os(), agent.osVersion());
    }

    /** Plausible's screen-size classes by CSS width. */
    static String sizeOf(int width) {
        return width < 576 ? "Mobile" : width < 992 ? "Tablet" : width < 1440 ? "Laptop" : "Desktop";
    }

    private Agent agent(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return NOTHING;
        }
        String ua = userAgent.length() > MAX_USER_AGENT ? userAgent.substring(0, MAX_USER_AGENT) : userAgent;
        return cache.get(ua, this::parse);
    }

    // uap's device regexes cost as much as the browser's and would only tell tablets apart, which the UA text does
    private Agent parse(String ua) {
        UserAgent agent = parser.parseUserAgent(ua);
        OS system = parser.parseOS(ua);
        String family = known(agent.family);
        String browser = family == null ? null : BROWSERS.getOrDefault(family, family);
        String browserVersion = browser == null || browser.equals(MOBILE_APP) ? null
                : version(agent.major, agent.minor);
        String osFamily = known(system.family);
        String os = osFamily == null ? null : SYSTEMS.getOrDefault(osFamily, osFamily);
        String osVersion = os == null ? null : version(system.major, system.minor);
        return new Agent(SafeText.clean(browser, MAX_NAME), SafeText.clean(browserVersion, MAX_VERSION),
                SafeText.clean(os, MAX_NAME), SafeText.clean(osVersion, MAX_VERSION), sizeFromAgent(ua, browser, osFamily));
    }

    private static String sizeFromAgent(String ua, String browser, String os) {
        if (ua.contains("iPad") || ua.contains("Tablet") || ("Android".equals(os) && !ua.contains("Mobile"))) {
            return "Tablet";
        }
        if ("iOS".equals(os) || "Android".equals(os) || ua.contains("Mobile")) {
            return "Mobile";
        }
        return browser == null && os == null ? null : "Desktop";
    }

    private static String version(String major, String minor) {
        if (major == null || major.isEmpty()) {
            return null;
        }
        return minor == null || minor.isEmpty() ? major : major + "." + minor;
    }

    private static String known(String family) {
        return family == null || family.isEmpty() || family.equals("Other") ? null : family;
    }
}
