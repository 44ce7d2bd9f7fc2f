package ingest.enrich;

import java.util.Locale;

/**
 * A referrer cut into what attribution needs, parsed leniently (real referrers are often not valid URIs).
 * host is lower-case, without port, user info, brackets or a trailing dot; for android-app:// it is the app id.
 */
record ReferrerUrl(boolean app, String host, String path) {

    static final int MAX_INPUT = 2048;

    /** Null unless the referrer is http(s):// or android-app:// with a host. */
    static ReferrerUrl parse(String referrer) {
        if (referrer == null) {
            return null;
        }
        String ref = referrer.length() > MAX_INPUT ? referrer.substring(0, MAX_INPUT) : referrer;
        ref = ref.strip();
        int colon = ref.indexOf("://");
        if (colon <= 0) {
            return null;
        }
        String scheme = ref.substring(0, colon).toLowerCase(Locale.ROOT);
        boolean app = scheme.equals("android-app");
        if (!app && !scheme.equals("http") && !scheme.equals("https")) {
            return null;
        }
        int hostStart = colon + 3;
        int hostEnd = hostStart;
        while (hostEnd < ref.length() && "/?#\\".indexOf(ref.charAt(hostEnd)) < 0) {
            hostEnd++;
        }
        String host = host(ref.substring(hostStart, hostEnd));
        if (host == null) {
            return null;
        }
        int pathEnd = hostEnd;
        while (pathEnd < ref.length() && "?#".indexOf(ref.charAt(pathEnd)) < 0) {
            pathEnd++;
        }
        return new ReferrerUrl(app, host, ref.substring(hostEnd, pathEnd));
    }

    /** The host without a leading "www.", as Plausible shows it. */
    String shortHost() {
        return host.startsWith("www.") && host.length() > 4 ? host.substring(4) : host;
    }

    private static String host(String authority) {
        String host = authority.substring(authority.lastIndexOf('@') + 1);
        if (host.startsWith("[")) {
            int close = host.indexOf(']');
            host = close < 0 ? host.substring(1) : host.substring(1, close);
        } else {
            int port = host.indexOf(':');
            if (port >= 0) {
                host = host.substring(0, port);
            }
        }
        while (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (host.isEmpty() || host.length() > 253) {
            return null;
        }
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (c <= ' ' || c == '<' || c == '>' || c == '"' || c == '\'' || c == '%' || c == '\\' || c == 0x7F) {
                return null;
            }
        }
        return host.toLowerCase(Locale.ROOT);
    }
}
