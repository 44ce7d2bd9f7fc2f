package ingest.enrich;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/** Location of a client address: the configured city database first, else the bundled country database. */
final class Geolocation {

    private final Countries countries;
    private final CityDatabase cities;

    Geolocation(Countries countries, CityDatabase cities) {
        this.countries = countries;
        this.cities = cities;
    }

    Location of(InetAddress address) {
        if (address == null || !isPublic(address)) {
            return Location.UNKNOWN;
        }
        if (cities != null) {
            Location located = cities.lookup(address);
            if (located != null) {
                return located;
            }
        }
        String code = countries.codeOf(address);
        return code == null ? Location.UNKNOWN : new Location(code, Countries.nameOf(code), null, null, null, null);
    }

    // private, loopback, link-local, carrier-grade NAT, unique-local and documentation addresses are nowhere on the map
    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return !((b[0] & 0xFF) == 100 && (b[1] & 0xC0) == 64) && (b[0] & 0xFF) != 0;
        }
        if (address instanceof Inet6Address) {
            boolean documentation = (b[0] & 0xFF) == 0x20 && (b[1] & 0xFF) == 0x01 && (b[2] & 0xFF) == 0x0D
                    && (b[3] & 0xFF) == 0xB8;
            return (b[0] & 0xFE) != 0xFC && !documentation;
        }
        return true;
    }
}
