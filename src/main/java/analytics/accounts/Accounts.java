package analytics.accounts;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import analytics.web.Conflict;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

/** People's accounts: sign-up, password check, password change. Passwords are stored as bcrypt only. */
@ApplicationScoped
public class Accounts {

    private final IdentityCache cache;

    Accounts(IdentityCache cache) {
        this.cache = cache;
    }

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s<>\"]{1,64}@[^@\\s<>\"]+\\.[^@\\s<>\"]+$");

    /** A sign-up or password change that cannot be accepted, with the reason to show. */
    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    User signUp(String emailInput, String password) {
        String email = normaliseEmail(emailInput);
        String problem = Passwords.problem(password, email);
        if (problem != null) {
            throw new Refused(problem);
        }
        String hash = Passwords.hash(password);
        return QuarkusTransaction.requiringNew().call(() -> {
            if (User.byEmail(email) != null) {
                throw new Conflict("An account with this email already exists. Log in instead.");
            }
            User user = new User();
            user.email = email;
            user.passwordHash = hash;
            user.createdAt = LocalDateTime.now(ZoneOffset.UTC);
            user.persist();
            return user;
        });
    }

    /** The user with this email and password. */
    public Optional<User> verify(String email, String password) {
        User user = email == null ? null
                : QuarkusTransaction.requiringNew().call(() -> User.byEmail(email.strip().toLowerCase(Locale.ROOT)));
        return user != null && Passwords.matches(password, user.passwordHash) ? Optional.of(user) : Optional.empty();
    }

    /** Sets a new password and ends every session of the user; returns the new session version. */
    int changePassword(long userId, String current, String next) {
        User known = QuarkusTransaction.requiringNew().call(() -> User.findById(userId));
        if (!Passwords.matches(current, known.passwordHash)) {
            throw new Refused("The current password is wrong.");
        }
        String problem = Passwords.problem(next, known.email);
        if (problem != null) {
            throw new Refused(problem);
        }
        String hash = Passwords.hash(next);
        int version = QuarkusTransaction.requiringNew().call(() -> {
            User user = User.findById(userId);
            user.passwordHash = hash;
            user.sessionVersion++;
            return user.sessionVersion;
        });
        cache.userChanged(userId);
        return version;
    }

    static String normaliseEmail(String input) {
        String email = input == null ? "" : input.strip().toLowerCase(Locale.ROOT);
        if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
            throw new Refused("Enter a valid email address.");
        }
        return email;
    }
}
