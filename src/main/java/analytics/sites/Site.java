package analytics.sites;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "sites")
public class Site extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String domain;

    public String timezone;

    @Column(name = "owner_id")
    public Long ownerId;

    @Column(name = "created_at")
    public LocalDateTime createdAt;

    /** The token of the public read-only link, or null when the site is not shared. */
    @Column(name = "share_token")
    public String shareToken;

    /** IP addresses and CIDR ranges whose hits are dropped, comma-separated. */
    @Column(name = "excluded_ips")
    public String excludedIps = "";

    public ZoneId zone() {
        return ZoneId.of(timezone);
    }

    static Site byDomain(String domain) {
        return find("domain", domain).firstResult();
    }

    public List<String> exclusions() {
        return excludedIps == null || excludedIps.isBlank() ? List.of() : List.of(excludedIps.split(","));
    }

    static Site byShareToken(String token) {
        return find("shareToken", token).firstResult();
    }

    static List<Site> ownedBy(long userId) {
        return list("ownerId = ?1 order by domain", userId);
    }
}
