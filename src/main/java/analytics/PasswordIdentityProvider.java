package analytics;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Form login: email and password, checked against the bcrypt hash. */
@ApplicationScoped
class PasswordIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
            AuthenticationRequestContext context) {
        return context.runBlocking(() -> QuarkusTransaction.joiningExisting().call(() -> {
            User user = User.byEmail(request.getUsername());
            String password = new String(request.getPassword().getPassword());
            if (user == null || !BcryptUtil.matches(password, user.passwordHash)) {
                throw new AuthenticationFailedException("wrong email or password");
            }
            return Identities.of(user);
        }));
    }
}
