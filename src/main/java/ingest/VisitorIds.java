package ingest;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** The anonymous visitor id: a hash of the day's salt, the site, the IP and the User-Agent. */
@ApplicationScoped
class VisitorIds {

    private final DailySalt salts;

    VisitorIds(DailySalt salts) {
        this.salts = salts;
    }

    /**
     * A visitor's id today and, in the first half hour of the site's local day, yesterday's id of the
     * same visitor (a visit that began before midnight goes on under it); null otherwise.
     */
    record Ids(long today, Long yesterday) {
    }

    /** The salt follows the site's local day, so one visitor keeps one id for a whole local day. */
    Uni<Long> of(String site, ZoneId zone, Instant at, String ip, String userAgent) {
        LocalDate day = at.atZone(zone).toLocalDate();
        return salts.of(day).map(salt -> hash(salt, site, ip, userAgent));
    }

    Uni<Ids> withYesterday(String site, ZoneId zone, Instant at, String ip, String userAgent) {
        LocalDate day = at.atZone(zone).toLocalDate();
        boolean justAfterMidnight = at.isBefore(day.atStartOfDay(zone).toInstant().plus(Visits.TIMEOUT));
        Uni<Long> today = of(site, zone, at, ip, userAgent);
        if (!justAfterMidnight) {
            return today.map(id -> new Ids(id, null));
        }
        return today.chain(id -> salts.of(day.minusDays(1)).map(salt -> new Ids(id, hash(salt, site, ip, userAgent))));
    }

    static long hash(byte[] salt, String site, String ip, String userAgent) {
        MessageDigest sha = sha256();
        sha.update(salt);
        for (String part : new String[] {site, ip, userAgent == null ? "" : userAgent}) {
            sha.update((byte) 0);
            sha.update(part.getBytes(StandardCharsets.UTF_8));
        }
        return ByteBuffer.wrap(sha.digest()).getLong() & Long.MAX_VALUE;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
