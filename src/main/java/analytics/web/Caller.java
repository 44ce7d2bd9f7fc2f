package analytics.web;

import io.quarkus.security.identity.SecurityIdentity;

/** The signed-in user, the one type every room uses: put on the identity by auth, cached by accounts. */
public record Caller(long userId, String email, boolean admin, int sessionVersion) {

    /** The identity attribute that carries the caller. */
    public static final String ATTRIBUTE = "footfall.caller";

    public static Caller of(SecurityIdentity identity) {
        Caller caller = identity == null || identity.isAnonymous() ? null : identity.getAttribute(ATTRIBUTE);
        if (caller == null) {
            throw new IllegalStateException("no authenticated caller");
        }
        return caller;
    }
}
