package analytics.web;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * CSRF tokens for every state-changing form. Each browser gets a random cookie; a form's token is
 * the HMAC of that cookie and the user it was made for (0 before login), signed with the server
 * secret. Another site can neither read the cookie nor compute the token, and every replica that
 * shares the secret checks it without shared state.
 */
@ApplicationScoped
public class Csrf {

    static final String COOKIE = "footfall-csrf";
    public static final String FIELD = "csrf";
    static final String HEADER = "X-Footfall-CSRF";
    private static final String MADE = "footfall.csrf.made";

    private final Signer signer;

    Csrf(Signer signer) {
        this.signer = signer;
    }

    /** The token for forms on this page; gives the browser its cookie first if it has none. */
    public String token(RoutingContext context, long userId) {
        String browser = browser(context);
        if (browser == null) {
            browser = Signer.random(24);
            context.put(MADE, browser);
            context.response().addCookie(Cookie.cookie(COOKIE, browser).setPath("/").setHttpOnly(true)
                    .setSameSite(CookieSameSite.LAX).setSecure(SessionCookie.secure(context)));
        }
        return signer.sign(Signer.Purpose.CSRF, browser + "|" + userId);
    }

    /** Throws Forbidden (403) unless the token was made for this browser and this user. */
    public void check(RoutingContext context, long userId, String token) {
        String browser = browser(context);
        if (browser == null || token == null || !signer.verify(Signer.Purpose.CSRF, browser + "|" + userId, token)) {
            throw new Forbidden("This form has expired or did not come from Footfall. Go back, reload the page "
                    + "and try again.");
        }
    }

    private static String browser(RoutingContext context) {
        String made = context.get(MADE);
        if (made != null) {
            return made;
        }
        Cookie cookie = context.request().getCookie(COOKIE);
        return cookie == null || cookie.getValue().isBlank() ? null : cookie.getValue();
    }
}
