package events.api;

import java.util.ArrayList;
import java.util.List;

/** Reads the hop lists of X-Forwarded-For and RFC 7239 Forwarded, oldest hop first. */
final class Forwarding {

    private Forwarding() {
    }

    static List<String> xForwardedForChain(String header) {
        List<String> hops = new ArrayList<>();
        for (String part : header.split(",")) {
            String hop = stripPort(part.strip());
            if (!hop.isEmpty()) {
                hops.add(hop);
            }
        }
        return hops;
    }

    static List<String> forwardedChain(String header) {
        List<String> hops = new ArrayList<>();
        for (String element : header.split(",")) {
            for (String pair : element.split(";")) {
                String[] kv = pair.strip().split("=", 2);
                if (kv.length == 2 && kv[0].strip().equalsIgnoreCase("for")) {
                    String value = kv[1].strip();
                    if (value.startsWith("\"") && value.endsWith("\"") && value.length() >= 2) {
                        value = value.substring(1, value.length() - 1);
                    }
                    hops.add(stripPort(value));
                }
            }
        }
        return hops;
    }

    private static String stripPort(String hop) {
        if (hop.startsWith("[")) {
            int end = hop.indexOf(']');
            return end > 0 ? hop.substring(1, end) : hop;
        }
        int colon = hop.indexOf(':');
        // one colon is host:port; more are an IPv6 address
        return colon > 0 && hop.indexOf(':', colon + 1) < 0 ? hop.substring(0, colon) : hop;
    }
}
