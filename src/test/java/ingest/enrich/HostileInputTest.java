package ingest.enrich;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.RecordComponent;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Attacker-controlled referrers, UTM values and User-Agents: never an exception, every output bounded and clean. */
class HostileInputTest {

    private static final Enrichment ENRICHMENT = Enrichment.withBundledData();
    private static final Map<String, Integer> BOUNDS = Map.ofEntries(
            Map.entry("source", Attribution.MAX_SOURCE), Map.entry("referrer", Attribution.MAX_REFERRER),
            Map.entry("medium", Utm.MAX), Map.entry("campaign", Utm.MAX), Map.entry("content", Utm.MAX),
            Map.entry("term", Utm.MAX), Map.entry("clickIdParam", 16), Map.entry("screenSize", 16),
            Map.entry("browser", 64), Map.entry("browserVersion", 32), Map.entry("os", 64), Map.entry("osVersion", 32),
            Map.entry("countryCode", 2), Map.entry("countryName", 64), Map.entry("regionCode", 16),
            Map.entry("regionName", 128), Map.entry("cityName", 128));
    private static final String[] PIECES = {
        "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "javascript:alert(1)", "\u0000", "\u0007",
        "\r\n", "\u001B[31m", "\u007F", "\u0085", "\u202E", "\u200B", "\uFEFF", "\uD800", "\uDC00", "\uD83D\uDE00",
        "%00", "%C3", "%ED%A0%80", "%F0%9F%98%80", "%", "%%", "%zz", "+", "&", "=", "?", "#", "/", "//", "\\", "@",
        ":", "[", "]", "::1", "www.", "m.", ".", "..", "google.com", "t.co", "utm_source=", "utm_medium=cpc&",
        "utm_campaign=", "ref=", "source=", "gclid=", "android-app://", "https://", "http://", "ftp://", "é", "日本",
        "ﾟ", "\u0663", " ", "\t", "'", "`", "${jndi:ldap://x}", "Mozilla/5.0 (", "Chrome/", "Mobile", "iPad", ")"};

    @Test
    void random_garbage_never_throws_and_every_output_is_bounded_and_clean() {
        Random random = new Random(20261202L);
        for (int i = 0; i < 1_000; i++) {
            HitFacts facts = new HitFacts(
                    random.nextInt(4) == 0 ? garbage(random, 400) : "https://example.com/p?" + garbage(random, 200),
                    random.nextInt(3) == 0 ? garbage(random, 300) : "https://" + garbage(random, 100),
                    random.nextInt(5) == 0 ? garbage(random, 10) : "example.com",
                    garbage(random, 150),
                    random.nextInt(4) == 0 ? null : random.nextInt(),
                    address(random));
            Enriched enriched = assertDoesNotThrow(() -> ENRICHMENT.enrich(facts), () -> "input " + facts);
            checkClean(enriched, facts);
        }
    }

    @Test
    void huge_inputs_are_cut_before_work_and_bounded_after() {
        String huge = "a".repeat(2_000_000);
        HitFacts facts = new HitFacts("https://example.com/?utm_source=" + huge + "&utm_medium=" + huge,
                "https://" + huge + ".com/" + huge, huge, "Mozilla/5.0 " + huge, Integer.MAX_VALUE, null);
        long start = System.nanoTime();
        Enriched enriched = ENRICHMENT.enrich(facts);
        long millis = (System.nanoTime() - start) / 1_000_000;
        checkClean(enriched, facts);
        assertEquals(Utm.MAX, enriched.acquisition().utm().source().length());
        assertTrue(millis < 2_000, "took " + millis + " ms");
    }

    @Test
    void markup_in_a_referrer_host_is_not_a_source() {
        Acquisition visit = ENRICHMENT.enrich(new HitFacts("https://example.com/", "https://<script>.com/x",
                "example.com", null, null, null)).acquisition();
        assertEquals(Acquisition.DIRECT, visit.source());
    }

    @Test
    void a_null_everything_hit_is_direct_and_unknown() {
        Enriched enriched = ENRICHMENT.enrich(new HitFacts(null, null, null, null, null, null));
        assertEquals(Acquisition.DIRECT, enriched.acquisition().source());
        assertEquals(Channel.DIRECT, enriched.acquisition().channel());
        assertEquals(new Device(null, null, null, null, null), enriched.device());
        assertEquals(Location.UNKNOWN, enriched.location());
    }

    private static String garbage(Random random, int pieces) {
        StringBuilder out = new StringBuilder();
        int n = random.nextInt(pieces + 1);
        for (int i = 0; i < n; i++) {
            switch (random.nextInt(4)) {
                case 0 -> out.append((char) random.nextInt(0x10000));
                case 1 -> out.append("x".repeat(random.nextInt(600)));
                default -> out.append(PIECES[random.nextInt(PIECES.length)]);
            }
        }
        return out.toString();
    }

    private static InetAddress address(Random random) {
        byte[] bytes = new byte[random.nextBoolean() ? 4 : 16];
        random.nextBytes(bytes);
        try {
            return random.nextInt(6) == 0 ? null : InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    private static void checkClean(Record record, HitFacts facts) {
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            Object value;
            try {
                value = component.getAccessor().invoke(record);
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
            if (value instanceof Record nested) {
                checkClean(nested, facts);
            } else if (value instanceof String text) {
                String name = component.getName();
                Integer bound = BOUNDS.get(name);
                if (record instanceof Utm && name.equals("source")) {
                    bound = Utm.MAX;
                }
                assertNotNull(bound, "no bound known for " + name);
                assertTrue(text.length() <= bound, () -> name + " has " + text.length() + " chars for " + facts);
                assertFalse(text.isBlank(), () -> name + " is blank for " + facts);
                assertEquals(text.strip(), text, () -> name + " is not stripped for " + facts);
                for (int i = 0; i < text.length(); i++) {
                    char c = text.charAt(i);
                    int at = i;
                    assertFalse(c < 0x20 || (c >= 0x7F && c <= 0x9F), () -> name + " has control char at " + at);
                    if (Character.isHighSurrogate(c)) {
                        assertTrue(i + 1 < text.length() && Character.isLowSurrogate(text.charAt(++i)),
                                () -> name + " has a lone high surrogate for " + facts);
                    } else {
                        assertFalse(Character.isLowSurrogate(c), () -> name + " has a lone low surrogate");
                    }
                }
            }
        }
    }
}
