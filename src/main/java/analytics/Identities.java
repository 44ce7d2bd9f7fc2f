package analytics;

import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.security.identity.SecurityIdentity;

/** Builds the security identity of a user, the same for a session and for an API key. */
final class Identities {

    private Identities() {
    }

    static SecurityIdentity of(IdentityCache.Known user) {
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(user.email()))
                .addRole("user")
                .addAttribute(Caller.USER_ID, user.id());
        if (user.admin()) {
            builder.addRole("admin");
        }
        return builder.build();
    }
}
