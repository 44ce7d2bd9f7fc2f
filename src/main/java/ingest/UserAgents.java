package ingest;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import ua_parser.Client;
import ua_parser.Parser;

/** Browser, OS, device class and bot detection from the User-Agent (uap-java, with a bounded cache). */
@ApplicationScoped
class UserAgents {

    private static final int CACHE_SIZE = 20_000;
    private static final int MAX_UA = 512;
    // uap marks most crawlers as device "Spider"; these catch tools and headless browsers it lets through
    private static final Pattern BOTS = Pattern.compile(
            "(?i)bot|crawl|spider|slurp|headless|phantomjs|lighthouse|pagespeed|prerender|puppeteer|playwright"
                    + "|selenium|curl|wget|python-|httpclient|http-client|java/|okhttp|go-http|axios|node-fetch"
                    + "|libwww|scrapy|feedfetcher|monitor|uptime|preview|facebookexternalhit|embedly|whatsapp");

    private final Parser parser = new Parser();
    private final Map<String, Agent> cache = new ConcurrentHashMap<>();

    Agent parse(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return new Agent(null, null, null, true);
        }
        String ua = userAgent.length() > MAX_UA ? userAgent.substring(0, MAX_UA) : userAgent;
        Agent known = cache.get(ua);
        if (known != null) {
            return known;
        }
        Agent agent = classify(ua);
        if (cache.size() >= CACHE_SIZE) {
            cache.clear();
        }
        cache.put(ua, agent);
        return agent;
    }

    private Agent classify(String ua) {
        Client client = parser.parse(ua);
        String device = client.device.family;
        boolean bot = "Spider".equals(device) || BOTS.matcher(ua).find();
        return new Agent(name(client.userAgent.family), name(client.os.family), deviceClass(ua, client), bot);
    }

    private static String deviceClass(String ua, Client client) {
        String os = client.os.family;
        String device = client.device.family;
        if (device.contains("iPad") || device.contains("Tablet") || ua.contains("Tablet")
                || ("Android".equals(os) && !ua.contains("Mobile"))) {
            return "Tablet";
        }
        if ("iOS".equals(os) || "Android".equals(os) || ua.contains("Mobile")) {
            return "Mobile";
        }
        return "Desktop";
    }

    private static String name(String family) {
        return family == null || "Other".equals(family) ? "Unknown" : family;
    }
}
