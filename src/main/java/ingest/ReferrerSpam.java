package ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

/** Known referrer-spam domains (shipped in ingest/referrer-spam.txt). */
@ApplicationScoped
class ReferrerSpam {

    private final Set<String> domains = load();

    /** True when the referrer host is a spam domain or one of its subdomains. */
    boolean isSpam(String referrerHost) {
        if (referrerHost == null) {
            return false;
        }
        for (String host = referrerHost; ; host = host.substring(host.indexOf('.') + 1)) {
            if (domains.contains(host)) {
                return true;
            }
            if (host.indexOf('.') < 0) {
                return false;
            }
        }
    }

    private static Set<String> load() {
        Set<String> domains = new HashSet<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                ReferrerSpam.class.getResourceAsStream("/ingest/referrer-spam.txt"), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String domain = line.strip().toLowerCase();
                if (!domain.isEmpty() && !domain.startsWith("#")) {
                    domains.add(domain);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return domains;
    }
}
