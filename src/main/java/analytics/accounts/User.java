package analytics.accounts;

import java.time.LocalDateTime;

import analytics.web.Caller;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "users")
public class User extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String email;

    @Column(name = "password_hash")
    public String passwordHash;

    public boolean admin;

    /** Part of every session cookie; bumping it ends all of the user's sessions. */
    @Column(name = "session_version")
    public int sessionVersion;

    @Column(name = "created_at")
    public LocalDateTime createdAt;

    /** The user as the rest of Footfall sees them once signed in. */
    public Caller caller() {
        return new Caller(id, email, admin, sessionVersion);
    }

    static User byEmail(String email) {
        return find("email", email.toLowerCase()).firstResult();
    }
}
