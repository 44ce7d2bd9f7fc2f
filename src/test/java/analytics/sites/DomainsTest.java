package analytics.sites;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DomainsTest {

    @ParameterizedTest
    @CsvSource({"https://www.Example.com/,example.com", "example.com,example.com", "  blog.example.org  ,blog.example.org",
            "http://shop.example.co.uk:8080/path?q=1,shop.example.co.uk", "EXAMPLE.com.,example.com"})
    void domainsAreNormalised(String input, String expected) {
        assertEquals(expected, Domains.normalise(input));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "exa mple.com", "-bad.com", "<script>.com", "a..b", "ex_ample.com", "localhost", "login"})
    void invalidDomainsAreRefused(String input) {
        assertThrows(IllegalArgumentException.class, () -> Domains.normalise(input));
    }
}
