package ingest.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Addresses whose country was checked in the bundled file (listed in src/main/resources/ingest/enrich/README.md). */
class GeolocationTest {

    private static final Enrichment ENRICHMENT = Enrichment.withBundledData();

    private static Location location(String ip) throws UnknownHostException {
        return ENRICHMENT.enrich(new HitFacts("https://example.com/", null, "example.com", null, null,
                InetAddress.getByName(ip))).location();
    }

    @ParameterizedTest(name = "{0} is in {2}")
    @CsvSource({
            "8.8.8.8, US, United States",
            "194.25.2.129, DE, Germany",
            "212.27.48.10, FR, France",
            "133.242.0.3, JP, Japan",
            "200.160.2.3, BR, Brazil",
            "164.100.1.1, IN, India",
            "212.58.244.20, GB, United Kingdom",
            "1.1.1.1, AU, Australia",
            "193.0.6.139, NL, Netherlands",
            "2001:4860:4860::8888, US, United States",
            "2003::1, DE, Germany",
            "2a01:e00::1, FR, France",
            "2001:240::1, JP, Japan",
            "2804::1, BR, Brazil",
            "::ffff:194.25.2.129, DE, Germany"})
    void ipv4_and_ipv6_addresses_have_a_country_with_its_english_name(String ip, String code, String name)
            throws UnknownHostException {
        Location location = location(ip);
        assertEquals(code, location.countryCode());
        assertEquals(name, location.countryName());
        assertNull(location.regionCode(), "the bundled file has countries only");
        assertNull(location.cityName());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"10.1.2.3", "172.16.0.1", "192.168.1.10", "127.0.0.1", "100.64.0.1", "169.254.1.1",
            "0.0.0.0", "::1", "::", "fe80::1", "fd12:3456::1", "2001:db8::1", "224.0.0.1"})
    void private_loopback_and_reserved_addresses_have_no_country(String ip) throws UnknownHostException {
        assertEquals(Location.UNKNOWN, location(ip));
    }

    @Test
    void a_hit_without_an_address_has_no_location() {
        assertEquals(Location.UNKNOWN, ENRICHMENT.enrich(new HitFacts("https://example.com/", null, "example.com",
                null, null, null)).location());
    }

    @Test
    void country_names_come_from_the_jdk_for_every_code() {
        assertEquals("Germany", Countries.nameOf("DE"));
        assertEquals("Côte d’Ivoire", Countries.nameOf("CI"));
        assertEquals("Kosovo", Countries.nameOf("XK"));
        assertEquals("ZZ", Countries.nameOf("ZZ"));
    }
}
