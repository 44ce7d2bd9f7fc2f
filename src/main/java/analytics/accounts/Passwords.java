package analytics.accounts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import io.quarkus.elytron.security.common.BcryptUtil;

/** What a new password must be (long enough, not a common one, not the email), and how it is stored (bcrypt). */
final class Passwords {

    static final int MIN_LENGTH = 10;
    static final int MAX_LENGTH = 72; // bcrypt reads no further
    private static final Set<String> COMMON = load();

    private Passwords() {
    }

    /** Why the password is not acceptable, or null when it is. */
    static String problem(String password, String email) {
        if (password == null || password.length() < MIN_LENGTH) {
            return "Use at least " + MIN_LENGTH + " characters.";
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_LENGTH) {
            return "Use at most " + MAX_LENGTH + " bytes.";
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower) || lower.chars().distinct().count() < 4) {
            return "This password is too common; choose another.";
        }
        String name = email == null ? "" : email.toLowerCase(Locale.ROOT).split("@")[0];
        if (name.length() >= 4 && lower.contains(name)) {
            return "The password must not contain your email address.";
        }
        return null;
    }

    /** bcrypt's cost: 2^12 rounds, about a third of a second here; every hash of Footfall uses it. */
    static final int COST = 12;

    static String hash(String password) {
        return BcryptUtil.bcryptHash(password, COST);
    }

    static boolean matches(String password, String hash) {
        return password != null && hash != null && BcryptUtil.matches(password, hash);
    }

    private static Set<String> load() {
        try (InputStream in = Passwords.class.getResourceAsStream("/analytics/common-passwords.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
