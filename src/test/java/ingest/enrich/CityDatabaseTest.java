package ingest.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** footfall.geoip.database: a GeoIP2 City-layout file adds regions and cities; the bundled file fills its gaps. */
class CityDatabaseTest {

    private static Enrichment enrichment;

    @BeforeAll
    static void writeACityDatabase(@TempDir Path dir) throws IOException {
        Path file = new TestMmdb("GeoLite2-City")
                .network("194.25.2.0/24", Map.of(
                        "city", Map.of("geoname_id", 2867714L, "names", Map.of("en", "Munich", "de", "München")),
                        "country", Map.of("iso_code", "DE", "geoname_id", 2921044L, "names", Map.of("en", "Germany")),
                        "subdivisions", List.of(Map.of("iso_code", "BY", "names", Map.of("en", "Bavaria")))))
                .network("212.27.48.0/24", Map.of("country", Map.of("iso_code", "FR")))
                .write(dir.resolve("city.mmdb"));
        enrichment = new Enrichment(file.toString());
    }

    private static Location location(String ip) throws IOException {
        return enrichment.enrich(new HitFacts("https://example.com/", null, "example.com", null, null,
                InetAddress.getByName(ip))).location();
    }

    @Test
    void a_city_database_gives_region_and_city_with_its_geoname_id() throws IOException {
        assertEquals(new Location("DE", "Germany", "DE-BY", "Bavaria", "Munich", 2867714L), location("194.25.2.129"));
    }

    @Test
    void a_network_the_city_database_knows_only_by_country_has_no_region_or_city() throws IOException {
        assertEquals(new Location("FR", "France", null, null, null, null), location("212.27.48.10"));
    }

    @Test
    void addresses_the_city_database_lacks_fall_back_to_the_bundled_countries() throws IOException {
        assertEquals(new Location("US", "United States", null, null, null, null), location("8.8.8.8"));
        assertEquals("DE", location("2003::1").countryCode(), "an IPv6 address in an IPv4-only file");
    }

    @Test
    void a_missing_file_fails_at_start_not_per_hit(@TempDir Path dir) {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new Enrichment(dir.resolve("nope.mmdb").toString()));
        assertEquals(true, e.getMessage().startsWith("footfall.geoip.database: no readable file"));
    }

    @Test
    void a_file_of_another_kind_is_refused(@TempDir Path dir) throws IOException {
        Path asn = new TestMmdb("GeoLite2-ASN").network("8.8.8.0/24", Map.of("autonomous_system_number", 15169L))
                .write(dir.resolve("asn.mmdb"));
        assertThrows(IllegalStateException.class, () -> new Enrichment(asn.toString()));
        assertEquals(true, Files.exists(asn));
    }
}
