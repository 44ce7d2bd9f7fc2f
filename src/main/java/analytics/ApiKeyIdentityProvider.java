package analytics;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Stats and Sites API: a bearer API key that is not revoked. */
@ApplicationScoped
class ApiKeyIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request,
            AuthenticationRequestContext context) {
        return context.runBlocking(() -> QuarkusTransaction.joiningExisting().call(() -> {
            ApiKey key = ApiKey.active(request.getToken().getToken());
            User user = key == null ? null : User.findById(key.userId);
            if (user == null) {
                throw new AuthenticationFailedException("invalid API key");
            }
            return Identities.of(user);
        }));
    }
}
