package ingest.enrich;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** footfall.geoip.*: the location database beyond the bundled country file. */
@ConfigMapping(prefix = "footfall.geoip")
interface GeoIpConfig {

    /** A MaxMind-format file (GeoLite2-City, DB-IP City Lite, ...) read for regions and cities; empty: countries only. */
    Optional<String> database();
}
