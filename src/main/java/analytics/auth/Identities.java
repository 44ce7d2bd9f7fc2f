package analytics.auth;

import analytics.accounts.IdentityCache;
import analytics.web.Caller;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;

/** Builds the security identity of a user, the same for a session and for an API key. */
final class Identities {

    private Identities() {
    }

    static SecurityIdentity of(Caller user) {
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(user.email()))
                .addRole("user")
                .addAttribute(Caller.ATTRIBUTE, user);
        if (user.admin()) {
            builder.addRole("admin");
        }
        return builder.build();
    }
}
