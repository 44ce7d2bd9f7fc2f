package analytics.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jboss.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;

/** HMAC-SHA256 signatures with keys derived from footfall.session.secret, one key per purpose. */
@ApplicationScoped
public class Signer {

    enum Purpose { SESSION, CSRF }

    private static final Logger LOG = Logger.getLogger(Signer.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] secret;

    Signer(SessionConfig config) {
        String configured = config.secret().map(String::strip).orElse("");
        if (configured.length() < 32) {
            if (!configured.isEmpty()) {
                throw new IllegalStateException("footfall.session.secret must be at least 32 characters long");
            }
            LOG.warn("footfall.session.secret is not set: sessions end when this process stops and are not "
                    + "shared with other replicas");
            configured = random(32);
        }
        this.secret = configured.getBytes(StandardCharsets.UTF_8);
    }

    String sign(Purpose purpose, String data) {
        byte[] key = mac(secret, purpose.name());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac(key, data));
    }

    boolean verify(Purpose purpose, String data, String signature) {
        return signature != null && MessageDigest.isEqual(sign(purpose, data).getBytes(StandardCharsets.UTF_8),
                signature.getBytes(StandardCharsets.UTF_8));
    }

    /** A random URL-safe string carrying {@code bytes} bytes of entropy. */
    public static String random(int bytes) {
        byte[] data = new byte[bytes];
        RANDOM.nextBytes(data);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(data);
    }

    private static byte[] mac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
