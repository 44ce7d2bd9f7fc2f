package ingest.enrich;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import com.maxmind.db.CHMCache;
import com.maxmind.db.MaxMindDbConstructor;
import com.maxmind.db.MaxMindDbParameter;
import com.maxmind.db.Reader;

/** Country of an address from the bundled database (ip-location-db's geo-whois-asn-country, held in memory). */
final class Countries {

    static final String RESOURCE = "ingest/enrich/geo-whois-asn-country.mmdb";
    private static final Map<String, String> NAMES = names();

    /** The bundled file's record: {"country_code": "DE"}. */
    public static final class Entry {
        final String countryCode;

        @MaxMindDbConstructor
        public Entry(@MaxMindDbParameter(name = "country_code") String countryCode) {
            this.countryCode = countryCode;
        }
    }

    private final Reader reader;

    Countries() {
        try (InputStream in = Countries.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("bundled country database missing from the classpath: " + RESOURCE);
            }
            reader = new Reader(in, new CHMCache());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** The ISO 3166-1 alpha-2 code, or null when the address is in no listed network. */
    String codeOf(InetAddress address) {
        try {
            Entry entry = reader.get(address, Entry.class);
            return entry == null ? null : normalized(entry.countryCode);
        } catch (IOException e) {
            return null; // a corrupt node answers "unknown" rather than failing the hit
        }
    }

    /** The English name of a country code, from the JDK's locale data; the code itself when the JDK has none. */
    static String nameOf(String code) {
        return code == null ? null : NAMES.getOrDefault(code, code);
    }

    static String normalized(String code) {
        if (code == null || code.length() != 2) {
            return null;
        }
        char a = Character.toUpperCase(code.charAt(0));
        char b = Character.toUpperCase(code.charAt(1));
        return a >= 'A' && a <= 'Z' && b >= 'A' && b <= 'Z' ? new String(new char[] {a, b}) : null;
    }

    private static Map<String, String> names() {
        Map<String, String> names = new HashMap<>();
        for (String code : Locale.getISOCountries()) {
            names.put(code, new Locale("", code).getDisplayCountry(Locale.ENGLISH));
        }
        // user-assigned codes that databases use and the JDK does not name
        names.putIfAbsent("XK", "Kosovo");
        names.putIfAbsent("EU", "European Union");
        return Map.copyOf(names);
    }
}
