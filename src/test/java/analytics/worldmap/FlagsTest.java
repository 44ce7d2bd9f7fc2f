package analytics.worldmap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class FlagsTest {

    @Test
    void a_known_code_resolves_to_a_flag_on_the_classpath() throws Exception {
        assertEquals("/static/flags/de.svg", Flags.url("DE"));
        assertEquals("/static/flags/de.svg", Flags.url("de"));
        assertEquals("/static/flags/xk.svg", Flags.url("XK"));
        for (String code : new String[] {"US", "FR", "BR", "IN", "JP", "AU", "ZA", "GB", "SG"}) {
            String svg = resource(Flags.url(code));
            assertTrue(svg.startsWith("<svg") && svg.contains("viewBox=\"0 0 640 480\""), code);
        }
    }

    @Test
    void garbage_and_unknown_codes_resolve_to_the_placeholder() throws Exception {
        for (String code : new String[] {null, "", "../x", "<b>", "ZZ", "D", "DEU", "d/", "..", "xx", "EU"}) {
            assertEquals(Flags.PLACEHOLDER, Flags.url(code), String.valueOf(code));
        }
        assertTrue(resource(Flags.PLACEHOLDER).startsWith("<svg"));
    }

    @Test
    void every_country_with_a_name_has_its_own_flag() {
        for (String code : Countries.codes()) {
            assertTrue(!Flags.url(code).equals(Flags.PLACEHOLDER), code);
        }
    }

    @Test
    void flags_use_no_inline_styles_or_scripts() throws Exception {
        for (String code : Countries.codes()) {
            String svg = resource(Flags.url(code));
            assertTrue(!svg.contains("style") && !svg.contains("<script"), code);
        }
    }

    private static String resource(String url) throws Exception {
        try (InputStream in = Flags.class.getClassLoader().getResourceAsStream(Flags.CLASSPATH_ROOT + url)) {
            assertNotNull(in, url);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
