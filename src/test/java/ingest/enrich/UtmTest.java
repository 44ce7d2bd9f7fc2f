package ingest.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class UtmTest {

    private static final Enrichment ENRICHMENT = Enrichment.withBundledData();

    private static Utm utm(String query) {
        return ENRICHMENT.enrich(new HitFacts("https://example.com/p" + query, null, "example.com", null, null, null))
                .acquisition().utm();
    }

    @Test
    void all_five_are_read_decoded_and_stripped() {
        Utm utm = utm("?utm_source=news%20letter&utm_medium=+email+&utm_campaign=Black%2BFriday"
                + "&utm_content=caf%C3%A9&utm_term=running+shoes#top");
        assertEquals("news letter", utm.source());
        assertEquals("email", utm.medium());
        assertEquals("Black+Friday", utm.campaign());
        assertEquals("café", utm.content());
        assertEquals("running shoes", utm.term());
    }

    @Test
    void the_first_occurrence_wins_and_the_fragment_is_not_a_parameter() {
        Utm utm = utm("?utm_medium=first&utm_medium=second#utm_campaign=nope");
        assertEquals("first", utm.medium());
        assertNull(utm.campaign());
    }

    @Test
    void a_query_inside_the_fragment_is_not_read() {
        assertNull(utm("#/pricing?utm_source=spa").source());
    }

    @Test
    void absent_and_empty_values_are_null() {
        Utm utm = utm("?utm_medium=&utm_campaign=%20%20&utm_content");
        assertNull(utm.source());
        assertNull(utm.medium());
        assertNull(utm.campaign());
        assertNull(utm.content());
        assertNull(utm.term());
    }

    @Test
    void values_are_bounded_to_255_chars_without_splitting_a_surrogate_pair() {
        assertEquals(Utm.MAX, utm("?utm_campaign=" + "a".repeat(10_000)).campaign().length());
        String emoji = "%F0%9F%98%80"; // U+1F600, two chars in Java
        String campaign = utm("?utm_campaign=a" + emoji.repeat(200)).campaign();
        assertEquals(Utm.MAX, campaign.length());
        assertEquals(0, campaign.codePoints().filter(c -> c == 0xFFFD).count());
        assertEquals(0x1F600, campaign.codePointAt(campaign.length() - 2));
    }

    @Test
    void control_characters_are_removed_and_invalid_utf8_replaced() {
        assertEquals("ab", utm("?utm_source=a%00%07%0D%0A%1B%7F%C2%85b").source());
        assertEquals("x\uFFFDy", utm("?utm_source=x%C3y").source());
        String surrogate = utm("?utm_source=x%ED%A0%80y").source(); // an encoded lone surrogate
        assertEquals(0, surrogate.chars().filter(c -> Character.isSurrogate((char) c)).count());
        assertEquals('\uFFFD', surrogate.charAt(1));
        assertEquals("admin", utm("?utm_source=ad\u202Emin").source()); // bidi override
    }

    @Test
    void bad_percent_escapes_stay_as_written() {
        assertEquals("100%", utm("?utm_term=100%").term());
        assertEquals("%zz%4", utm("?utm_term=%zz%4").term());
        assertEquals("%\u0663\u0663", utm("?utm_term=%\u0663\u0663").term()); // non-ASCII digits are not hex
    }

    @Test
    void markup_is_kept_as_text_for_the_page_to_escape() {
        assertEquals("<script>alert(1)</script>", utm("?utm_campaign=%3Cscript%3Ealert(1)%3C/script%3E").campaign());
    }
}
