package analytics.worldmap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class WorldMapTest {

    private static final List<String> LARGE_COUNTRIES = List.of("US", "DE", "FR", "BR", "IN", "JP", "AU", "ZA");

    @Test
    void has_one_path_per_country_with_a_code_a_fill_and_a_title() throws Exception {
        Document svg = parse(WorldMap.svg(Map.of()));
        assertEquals("svg", svg.getDocumentElement().getTagName());
        assertTrue(svg.getDocumentElement().getAttribute("viewBox").matches("0 0 1000 \\d+"));
        NodeList paths = svg.getElementsByTagName("path");
        assertEquals(Outlines.load().paths().size(), paths.getLength());
        assertTrue(paths.getLength() > 170, "Natural Earth 1:110m draws 174 countries without Antarctica");
        for (String code : LARGE_COUNTRIES) {
            Element path = path(svg, code);
            assertNotNull(path, code);
            assertTrue(path.getAttribute("d").startsWith("M"), code);
            assertEquals(Shades.EMPTY, path.getAttribute("fill"), code);
        }
        assertNotNull(path(svg, "XK"), "Kosovo, which has no numeric code, keeps its own outline");
        assertEquals(null, path(svg, "AQ"), "Antarctica is dropped");
    }

    @Test
    void the_busiest_country_is_darkest_and_the_others_lighter_in_proportion() throws Exception {
        Document svg = parse(WorldMap.svg(Map.of("US", 1234L, "DE", 617L, "FR", 1L, "BR", 0L)));
        assertEquals(Shades.DARKEST, path(svg, "US").getAttribute("fill"));
        assertEquals(Shades.EMPTY, path(svg, "BR").getAttribute("fill"), "zero visitors");
        assertEquals(Shades.EMPTY, path(svg, "JP").getAttribute("fill"), "absent from the map of visitors");
        assertEquals(Shades.fill(617, 1234), path(svg, "DE").getAttribute("fill"));
        int us = darkness(path(svg, "US")), de = darkness(path(svg, "DE")), fr = darkness(path(svg, "FR"));
        assertTrue(us > de && de > fr, us + " > " + de + " > " + fr);
        assertFalse(Shades.EMPTY.equals(path(svg, "FR").getAttribute("fill")), "one visitor still shows");
    }

    @Test
    void titles_name_the_country_and_its_visitors() throws Exception {
        String markup = WorldMap.svg(Map.of("US", 1234L, "DE", 1L, "FR", 999L, "BR", 1_234_567L));
        Document svg = parse(markup);
        assertEquals("United States: 1,234 visitors", title(svg, "US"));
        assertEquals("Germany: 1 visitor", title(svg, "DE"));
        assertEquals("France: 999 visitors", title(svg, "FR"));
        assertEquals("Brazil: 1,234,567 visitors", title(svg, "BR"));
        assertEquals("Japan: 0 visitors", title(svg, "JP"));
        assertEquals("Côte d’Ivoire: 0 visitors", title(svg, "CI"));
        assertEquals("Bosnia & Herzegovina: 0 visitors", title(svg, "BA"));
        assertTrue(markup.contains("<title>Bosnia &amp; Herzegovina: 0 visitors</title>"), "names are escaped");
    }

    @Test
    void unknown_and_hostile_keys_are_ignored_and_never_echoed() throws Exception {
        Map<String, Long> visitors = new HashMap<>();
        visitors.put("<script>alert(1)</script>", 1_000_000L);
        visitors.put("\"><b>", 5L);
        visitors.put("ZZ", 7L);
        visitors.put("", 3L);
        visitors.put(null, 3L);
        visitors.put("FR", null);
        visitors.put("de", 10L); // lower case still means Germany
        visitors.put("SG", 99L); // a real country too small for the 1:110m map
        String markup = WorldMap.svg(visitors);
        Document svg = parse(markup);
        assertFalse(markup.contains("script") || markup.contains("<b>") || markup.contains("ZZ"));
        assertEquals(Shades.DARKEST, path(svg, "DE").getAttribute("fill"), "garbage does not count towards the max");
        assertEquals(Shades.EMPTY, path(svg, "FR").getAttribute("fill"));
        assertEquals(Outlines.load().paths().size(), svg.getElementsByTagName("path").getLength());
    }

    @Test
    void uses_no_inline_styles_scripts_or_event_handlers() {
        String markup = WorldMap.svg(Map.of("US", 3L));
        assertFalse(markup.contains("style"), "the CSP forbids inline styles");
        assertFalse(markup.contains("<script") || markup.contains(" on") || markup.contains("href"));
    }

    @Test
    void the_outlines_resource_stays_small() throws Exception {
        try (var in = WorldMap.class.getClassLoader().getResourceAsStream(Outlines.RESOURCE)) {
            assertTrue(in.readAllBytes().length < 150_000);
        }
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static Element path(Document svg, String code) {
        NodeList paths = svg.getElementsByTagName("path");
        for (int i = 0; i < paths.getLength(); i++) {
            Element path = (Element) paths.item(i);
            if (path.getAttribute("data-country").equals(code)) {
                return path;
            }
        }
        return null;
    }

    private static String title(Document svg, String code) {
        return path(svg, code).getElementsByTagName("title").item(0).getTextContent();
    }

    /** 0 for white, 765 for black. */
    private static int darkness(Element path) {
        String hex = path.getAttribute("fill");
        int sum = 0;
        for (int i = 1; i < 7; i += 2) {
            sum += Integer.parseInt(hex.substring(i, i + 2), 16);
        }
        return 765 - sum;
    }
}
