package analytics.worldmap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CountriesTest {

    @Test
    void names_come_from_the_jdk_in_english() {
        assertEquals("Germany", Countries.name("DE"));
        assertEquals("Germany", Countries.name("de"));
        assertEquals("Kosovo", Countries.name("XK"));
    }

    @Test
    void garbage_is_unknown() {
        for (String code : new String[] {null, "", "ZZ", "<b>", "../x", "DEU"}) {
            assertEquals(Countries.UNKNOWN, Countries.name(code), String.valueOf(code));
        }
    }
}
