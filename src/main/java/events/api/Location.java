package events.api;

/** Where the visitor's address is (ISO 3166-1 country, ISO 3166-2 region, city name); null where unknown. */
public record Location(String country, String region, String city) {

    public static final Location UNKNOWN = new Location(null, null, null);
}
