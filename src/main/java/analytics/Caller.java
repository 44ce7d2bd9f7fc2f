package analytics;

import io.quarkus.security.identity.SecurityIdentity;

/** Who is asking: the user id and admin flag that the identity providers put on the identity. */
record Caller(long userId, boolean admin) {

    static final String USER_ID = "footfall.user-id";

    static Caller of(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous() || identity.getAttribute(USER_ID) == null) {
            throw new IllegalStateException("no authenticated caller");
        }
        return new Caller(identity.<Long>getAttribute(USER_ID), identity.hasRole("admin"));
    }
}
