package ingest.enrich;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

import com.maxmind.db.CHMCache;
import com.maxmind.geoip2.DatabaseReader;
import com.maxmind.geoip2.exception.GeoIp2Exception;
import com.maxmind.geoip2.model.CityResponse;
import com.maxmind.geoip2.model.CountryResponse;
import com.maxmind.geoip2.record.Subdivision;

/** The operator's MaxMind-format database (footfall.geoip.database), read for country, region and city. */
final class CityDatabase {

    private static final int MAX_NAME = 128;

    private final DatabaseReader reader;
    private final boolean hasCities;

    CityDatabase(String path) {
        File file = new File(path);
        if (!file.isFile() || !file.canRead()) {
            throw new IllegalStateException("footfall.geoip.database: no readable file at " + file.getAbsolutePath());
        }
        try {
            // memory-mapped, so a lookup never waits on the disk after the first touch of a page
            reader = new DatabaseReader.Builder(file).withCache(new CHMCache()).build();
        } catch (IOException e) {
            throw new UncheckedIOException("footfall.geoip.database: cannot open " + file.getAbsolutePath(), e);
        }
        String type = reader.getMetadata().getDatabaseType();
        // geoip2 picks the record layout by these words in the database type (GeoLite2-City, DBIP-City-Lite, ...)
        hasCities = type.contains("City");
        if (!hasCities && !type.contains("Country")) {
            throw new IllegalStateException("footfall.geoip.database: " + file + " is a " + type
                    + " database; a City or Country database is needed");
        }
    }

    /** What the file knows of the address, or null when nothing. */
    Location lookup(InetAddress address) {
        try {
            if (hasCities) {
                Optional<CityResponse> city = reader.tryCity(address);
                return city.map(CityDatabase::location).orElse(null);
            }
            Optional<CountryResponse> country = reader.tryCountry(address);
            return country.map(c -> countryOnly(c.getCountry().getIsoCode())).orElse(null);
        } catch (IOException | GeoIp2Exception | IllegalArgumentException e) {
            return null; // a corrupt node, or an IPv6 address in an IPv4-only file, answers "unknown"
        }
    }

    private static Location location(CityResponse response) {
        String country = Countries.normalized(response.getCountry().getIsoCode());
        if (country == null) {
            return null;
        }
        String regionCode = null;
        String regionName = null;
        List<Subdivision> subdivisions = response.getSubdivisions();
        if (!subdivisions.isEmpty()) {
            Subdivision first = subdivisions.get(0);
            String iso = SafeText.clean(first.getIsoCode(), 8);
            regionCode = iso == null ? null : country + "-" + iso;
            regionName = SafeText.clean(first.getName(), MAX_NAME);
        }
        return new Location(country, Countries.nameOf(country), regionCode, regionName,
                SafeText.clean(response.getCity().getName(), MAX_NAME), response.getCity().getGeoNameId());
    }

    private static Location countryOnly(String isoCode) {
        String country = Countries.normalized(isoCode);
        return country == null ? null : new Location(country, Countries.nameOf(country), null, null, null, null);
    }
}
