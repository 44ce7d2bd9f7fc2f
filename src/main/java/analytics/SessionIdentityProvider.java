package analytics;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Restores the user behind a signed session cookie ("userId:sessionVersion"), unless the session was ended. */
@ApplicationScoped
class SessionIdentityProvider implements IdentityProvider<TrustedAuthenticationRequest> {

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request,
            AuthenticationRequestContext context) {
        return context.runBlocking(() -> QuarkusTransaction.joiningExisting().call(() -> {
            String[] session = request.getPrincipal().split(":");
            User user = session.length == 2 ? User.findById(Long.parseLong(session[0])) : null;
            if (user == null || user.sessionVersion != Integer.parseInt(session[1])) {
                throw new AuthenticationFailedException("the session has ended");
            }
            return Identities.of(user);
        }));
    }
}
