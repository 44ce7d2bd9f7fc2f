package analytics.auth;

import java.util.Set;

import analytics.web.SessionCookie;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/** The session cookie set at /login. Pages without one redirect to /login; the APIs answer 401 (see ApiKeyAuthMechanism). */
@ApplicationScoped
class SessionAuthMechanism implements HttpAuthenticationMechanism {

    private final SessionCookie cookies;

    SessionAuthMechanism(SessionCookie cookies) {
        this.cookies = cookies;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        return cookies.read(context).map(session -> {
            TrustedAuthenticationRequest request = new TrustedAuthenticationRequest(
                    session.userId() + ":" + session.version());
            HttpSecurityUtils.setRoutingContextAttribute(request, context);
            return identities.authenticate(request).invoke(identity -> cookies.renewIfOld(context, session));
        }).orElseGet(() -> Uni.createFrom().nullItem());
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        if (context.normalizedPath().startsWith("/api/")) {
            return Uni.createFrom().nullItem();
        }
        return Uni.createFrom().item(new ChallengeData(302, "Location", "/login"));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TrustedAuthenticationRequest.class);
    }

    @Override
    public int getPriority() {
        return 1000;
    }
}
