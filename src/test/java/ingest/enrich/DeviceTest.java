package ingest.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeviceTest {

    private static final Enrichment ENRICHMENT = Enrichment.withBundledData();

    private static Device device(String userAgent, Integer width) {
        return ENRICHMENT.enrich(new HitFacts("https://example.com/", null, "example.com", userAgent, width, null))
                .device();
    }

    @ParameterizedTest(name = "{1} {2} on {3} {4}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.6099.109 Safari/537.36"
                    + " | Chrome | 120.0 | Windows | 10 | Desktop",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1"
                    + " | Safari | 17.4 | iOS | 17.4 | Mobile",
            "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/121.0.6167.101 Mobile Safari/537.36"
                    + " | Chrome | 121.0 | Android | 14 | Mobile",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:123.0) Gecko/20100101 Firefox/123.0"
                    + " | Firefox | 123.0 | Mac | 10.15 | Desktop",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.2210.91"
                    + " | Microsoft Edge | 120.0 | Windows | 10 | Desktop",
            "Mozilla/5.0 (iPad; CPU OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.6 Mobile/15E148 Safari/604.1"
                    + " | Safari | 16.6 | iOS | 16.6 | Tablet",
            "Mozilla/5.0 (X11; Linux x86_64; rv:109.0) Gecko/20100101 Firefox/115.0"
                    + " | Firefox | 115.0 | GNU/Linux | - | Desktop",
            "Mozilla/5.0 (Linux; Android 13; SM-X700) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/23.0 Chrome/115.0.0.0 Safari/537.36"
                    + " | Samsung Internet | 23.0 | Android | 13 | Tablet",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/120.0.6099.119 Mobile/15E148 Safari/604.1"
                    + " | Chrome | 120.0 | iOS | 17.1 | Mobile",
            "something nobody parses | - | - | - | - | -"})
    void browser_and_os_with_major_minor_versions_and_the_size_from_the_user_agent(String userAgent, String browser,
            String browserVersion, String os, String osVersion, String size) {
        Device device = device(userAgent, null);
        assertEquals(browser, device.browser());
        assertEquals(browserVersion, device.browserVersion());
        assertEquals(os, device.os());
        assertEquals(osVersion, device.osVersion());
        assertEquals(size, device.screenSize());
    }

    @ParameterizedTest(name = "w={0}: {1}")
    @CsvSource({"1, Mobile", "375, Mobile", "575, Mobile", "576, Tablet", "991, Tablet", "992, Laptop", "1439, Laptop",
            "1440, Desktop", "3840, Desktop"})
    void the_screen_width_decides_the_size_over_the_user_agent(int width, String size) {
        String iphone = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko)"
                + " Version/17.4 Mobile/15E148 Safari/604.1";
        assertEquals(size, device(iphone, width).screenSize());
    }

    @ParameterizedTest(name = "w={0}")
    @CsvSource(nullValues = "-", value = {"-", "0", "-5"})
    void without_a_usable_width_the_user_agent_decides(Integer width) {
        String android = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko)"
                + " Chrome/121.0.6167.101 Mobile Safari/537.36";
        assertEquals("Mobile", device(android, width).screenSize());
    }
}
