package ingest.enrich;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** The page URL's query parameters that enrichment reads, decoded leniently (bad escapes kept, bad UTF-8 replaced). */
final class QueryParams {

    static final Set<String> READ = Set.of("utm_source", "utm_medium", "utm_campaign", "utm_content", "utm_term",
            "source", "ref", "gclid", "gbraid", "wbraid", "msclkid", "fbclid", "twclid");
    private static final int MAX_RAW_VALUE = 4096;

    private final Map<String, String> values;

    private QueryParams(Map<String, String> values) {
        this.values = values;
    }

    /** The query of a page URL (everything between the first '?' and the '#'); the first occurrence of a name wins. */
    static QueryParams of(String url) {
        if (url == null) {
            return new QueryParams(Map.of());
        }
        int q = url.indexOf('?');
        int hash = url.indexOf('#');
        if (q < 0 || (hash >= 0 && hash < q)) {
            return new QueryParams(Map.of()); // a '?' inside the fragment (#/page?x=1) starts no query
        }
        int end = hash < 0 ? url.length() : hash;
        Map<String, String> values = null;
        int start = q + 1;
        while (start < end) {
            int amp = url.indexOf('&', start);
            int stop = amp < 0 || amp > end ? end : amp;
            int eq = url.indexOf('=', start);
            int nameEnd = eq < 0 || eq > stop ? stop : eq;
            String name = decode(url, start, nameEnd);
            if (READ.contains(name)) {
                if (values == null) {
                    values = new HashMap<>(8);
                }
                int valueStart = Math.min(nameEnd + 1, stop);
                values.putIfAbsent(name, decode(url, valueStart, Math.min(stop, valueStart + MAX_RAW_VALUE)));
            }
            start = stop + 1;
        }
        return new QueryParams(values == null ? Map.of() : values);
    }

    /** The decoded value, "" for a name without a value, null when absent. */
    String get(String name) {
        return values.get(name);
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    private static String decode(String s, int from, int to) {
        boolean plain = true;
        for (int i = from; i < to && plain; i++) {
            char c = s.charAt(i);
            plain = c != '%' && c != '+';
        }
        if (plain) {
            return s.substring(from, to);
        }
        StringBuilder out = new StringBuilder(to - from);
        byte[] bytes = null;
        int i = from;
        while (i < to) {
            char c = s.charAt(i);
            if (c == '%' && hex(s, i + 1, to) >= 0) {
                if (bytes == null) {
                    bytes = new byte[(to - from) / 3 + 1];
                }
                int n = 0;
                while (i < to && s.charAt(i) == '%' && hex(s, i + 1, to) >= 0) {
                    bytes[n++] = (byte) hex(s, i + 1, to);
                    i += 3;
                }
                // String's UTF-8 decoding replaces malformed sequences with U+FFFD
                out.append(new String(bytes, 0, n, StandardCharsets.UTF_8));
            } else {
                out.append(c == '+' ? ' ' : c);
                i++;
            }
        }
        return out.toString();
    }

    // the byte that the two hex digits at i stand for, or -1 when there are not two before 'to'
    private static int hex(String s, int i, int to) {
        if (i + 1 >= to) {
            return -1;
        }
        int hi = digit(s.charAt(i));
        int lo = digit(s.charAt(i + 1));
        return hi < 0 || lo < 0 ? -1 : hi * 16 + lo;
    }

    // ASCII only: Character.digit would also take other scripts' digits
    private static int digit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        char lower = (char) (c | 0x20);
        return lower >= 'a' && lower <= 'f' ? lower - 'a' + 10 : -1;
    }
}
