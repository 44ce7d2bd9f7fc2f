package analytics.auth;

import java.util.Optional;

import analytics.accounts.ApiKey;
import analytics.accounts.IdentityCache;
import analytics.accounts.User;
import analytics.web.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Stats and Sites API: a bearer API key that is not revoked (from the identity cache, else MySQL). */
@ApplicationScoped
class ApiKeyIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    private final IdentityCache cache;

    ApiKeyIdentityProvider(IdentityCache cache) {
        this.cache = cache;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request,
            AuthenticationRequestContext context) {
        String hash = ApiKey.hash(request.getToken().getToken());
        return cache.byKey(hash).flatMap(cached -> cached.isPresent()
                ? Uni.createFrom().item(Identities.of(cached.get()))
                : context.runBlocking(() -> fromDatabase(hash)));
    }

    private SecurityIdentity fromDatabase(String hash) {
        Optional<Caller> user = QuarkusTransaction.joiningExisting().call(() -> {
            ApiKey key = ApiKey.activeByHash(hash);
            User owner = key == null ? null : User.findById(key.userId);
            return Optional.ofNullable(owner).map(User::caller);
        });
        if (user.isEmpty()) {
            throw new AuthenticationFailedException("invalid API key");
        }
        cache.rememberKey(hash, user.get());
        return Identities.of(user.get());
    }
}
