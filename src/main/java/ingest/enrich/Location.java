package ingest.enrich;

/**
 * Where the visitor's address is, as far as the databases know; null when unknown.
 *
 * @param countryCode visit:country, ISO 3166-1 alpha-2 (DE)
 * @param countryName the country's English name (Germany)
 * @param regionCode visit:region, ISO 3166-2 (DE-BY); only from a configured city database
 * @param regionName the region's English name (Bavaria)
 * @param cityName visit:city's English name (Munich)
 * @param cityGeonameId the city's GeoNames id, when the database has one
 */
public record Location(String countryCode, String countryName, String regionCode, String regionName,
        String cityName, Long cityGeonameId) {

    public static final Location UNKNOWN = new Location(null, null, null, null, null, null);
}
