package ingest;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.Set;

/** Generates hostile /api/event bodies: broken JSON and UTF-8, wrong types, deep nesting, huge values. */
final class Fuzz {

    static final Set<Integer> ALLOWED = Set.of(202, 400, 413, 429);

    private Fuzz() {
    }

    static byte[] body(Random random, String site, int i) {
        String url = "https://" + site + "/p/" + i;
        return switch (random.nextInt(16)) {
            case 0 -> randomBytes(random, random.nextInt(200));
            case 1 -> invalidUtf8(site, url);
            case 2 -> ("{\"n\":\"pageview\",\"u\":\"" + url + "\",\"d\":\"" + site + "\",\"p\":"
                    + "{\"a\":".repeat(1 + random.nextInt(3000)) + "1" + "}".repeat(random.nextInt(3000)) + "}")
                    .getBytes(StandardCharsets.UTF_8);
            case 3 -> json("pageview", url + "/" + "x".repeat(random.nextInt(4000)), site);
            case 4 -> json("pageview", url, site + ",".repeat(random.nextInt(50)) + junk(random, 20));
            case 5 -> ("{\"n\":" + wrongType(random) + ",\"u\":" + wrongType(random) + ",\"d\":" + wrongType(random)
                    + "}").getBytes(StandardCharsets.UTF_8);
            case 6 -> json("page\u0001view", url, site);
            case 7 -> json("pageview", url + "/\u0000\r\nX-Injected: 1", site);
            case 8 -> ("{\"n\":\"pageview\",\"u\":\"" + url + "\",\"d\":\"" + site + "\",\"x\":\""
                    + "y".repeat(random.nextBoolean() ? 1_048_576 : 9_000) + "\"}").getBytes(StandardCharsets.UTF_8);
            case 9 -> json(junk(random, 1 + random.nextInt(200)), url, site);
            case 10 -> ("{\"n\":\"pageview\",\"u\":\"" + url + "\",\"d\":\"" + site + "\",\"r\":"
                    + wrongType(random) + ",\"w\":" + wrongType(random) + ",\"h\":" + wrongType(random)
                    + ",\"unknown\":{\"deep\":[1,2,{\"x\":null}]}}").getBytes(StandardCharsets.UTF_8);
            case 11 -> ("{\"n\":\"Signup\",\"u\":\"" + url + "\",\"d\":\"" + site + "\",\"p\":{\""
                    + junk(random, 10) + "\":\"" + junk(random, 50) + "\",\"n\":" + random.nextInt() + "}}")
                    .getBytes(StandardCharsets.UTF_8);
            case 12 -> json("pageview", junk(random, 30) + "://" + site + "/", site);
            case 13 -> ("[" + "[".repeat(random.nextInt(5000)) + "]").getBytes(StandardCharsets.UTF_8);
            case 14 -> truncate(json("pageview", url, site), random);
            default -> json("pageview", url + "?utm_source=" + junk(random, 20) + "&q=" + junk(random, 30), site);
        };
    }

    static String junk(Random random, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(10);
            text.append(kind == 0 ? (char) random.nextInt(32) : kind == 1 ? (char) (0x80 + random.nextInt(0x2000))
                    : kind == 2 ? "\"\\{}[]<>'&%".charAt(random.nextInt(11)) : (char) ('a' + random.nextInt(26)));
        }
        return text.toString();
    }

    /** Junk a header can carry: visible ASCII, quotes and separators included. */
    static String printable(Random random, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) (33 + random.nextInt(94)));
        }
        return text.toString();
    }

    private static byte[] json(String name, String url, String domain) {
        return ("{\"n\":\"" + escape(name) + "\",\"u\":\"" + escape(url) + "\",\"d\":\"" + escape(domain)
                + "\",\"r\":null,\"w\":1280}").getBytes(StandardCharsets.UTF_8);
    }

    /** JSON-escapes quotes and backslashes only, so control characters arrive as \\u escapes or raw. */
    private static String escape(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 32) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String wrongType(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> "123";
            case 1 -> "true";
            case 2 -> "[\"a\"]";
            case 3 -> "{\"a\":1}";
            case 4 -> "null";
            default -> "1e999";
        };
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] invalidUtf8(String site, String url) {
        byte[] start = ("{\"n\":\"pageview\",\"u\":\"" + url + "/").getBytes(StandardCharsets.UTF_8);
        byte[] bad = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xE2, (byte) 0x82};
        byte[] end = ("\",\"d\":\"" + site + "\"}").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[start.length + bad.length + end.length];
        System.arraycopy(start, 0, body, 0, start.length);
        System.arraycopy(bad, 0, body, start.length, bad.length);
        System.arraycopy(end, 0, body, start.length + bad.length, end.length);
        return body;
    }

    private static byte[] truncate(byte[] body, Random random) {
        byte[] cut = new byte[random.nextInt(body.length)];
        System.arraycopy(body, 0, cut, 0, cut.length);
        return cut;
    }
}
