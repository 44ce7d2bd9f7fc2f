package analytics.auth;

import analytics.accounts.IdentityCache;
import analytics.accounts.User;
import analytics.web.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Restores the user behind a signed session cookie ("userId:sessionVersion"), unless the session
 * was ended (the user's session version moved on). The user comes from the identity cache, else MySQL.
 */
@ApplicationScoped
class SessionIdentityProvider implements IdentityProvider<TrustedAuthenticationRequest> {

    private final IdentityCache cache;

    SessionIdentityProvider(IdentityCache cache) {
        this.cache = cache;
    }

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request,
            AuthenticationRequestContext context) {
        String[] session = request.getPrincipal().split(":");
        if (session.length != 2) {
            return Uni.createFrom().failure(new AuthenticationFailedException("the session has ended"));
        }
        long userId = Long.parseLong(session[0]);
        int version = Integer.parseInt(session[1]);
        return cache.byId(userId).flatMap(cached -> cached.isPresent()
                ? Uni.createFrom().item(() -> identity(cached.get(), version))
                : context.runBlocking(() -> identity(fromDatabase(userId), version)));
    }

    private static SecurityIdentity identity(Caller user, int sessionVersion) {
        if (user == null || user.sessionVersion() != sessionVersion) {
            throw new AuthenticationFailedException("the session has ended");
        }
        return Identities.of(user);
    }

    private Caller fromDatabase(long userId) {
        User user = QuarkusTransaction.joiningExisting().call(() -> User.findById(userId));
        if (user == null) {
            return null;
        }
        Caller known = user.caller();
        cache.rememberUser(known);
        return known;
    }
}
