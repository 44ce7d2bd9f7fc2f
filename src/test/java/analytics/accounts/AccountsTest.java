package analytics.accounts;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.filter.cookie.CookieFilter;
import io.restassured.response.Response;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import jakarta.inject.Inject;
import support.Account;
import support.Footfall;

/** Sign-up, login with throttling, logout, password change and API keys, through the real forms. */
@QuarkusTest
class AccountsTest {

    @Inject
    Redis redis;

    static String email(String label) {
        return label + "-" + UUID.randomUUID().toString().substring(0, 8) + "@footfall.test";
    }

    static Response signUp(CookieFilter cookies, String email, String password) {
        String token = Account.tokenIn(given().filter(cookies).get("/signup").then().statusCode(200).extract()
                .asString());
        return given().filter(cookies).redirects().follow(false).formParam("email", email)
                .formParam("password", password).formParam("csrf", token).post("/signup");
    }

    static Response logIn(CookieFilter cookies, String email, String password, String ip) {
        String token = Account.tokenIn(given().filter(cookies).get("/login").then().extract().asString());
        return given().filter(cookies).redirects().follow(false).header("X-Forwarded-For", ip)
                .formParam("email", email).formParam("password", password).formParam("csrf", token).post("/login");
    }

    @Test
    void signingUpLogsInWithASafeSessionCookieAndLeadsToAddingASite() {
        String email = email("new");
        Response response = signUp(new CookieFilter(), email, Account.PASSWORD);
        assertEquals(303, response.statusCode());
        assertTrue(response.header("Location").endsWith("/sites/new"), response.header("Location"));
        String cookie = response.headers().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("footfall-session=")).findFirst().orElseThrow();
        assertTrue(cookie.toLowerCase().contains("httponly"), cookie);
        assertTrue(cookie.contains("SameSite=Lax"), cookie);
        assertFalse(cookie.contains("Secure"), "plain HTTP: " + cookie);
        assertEquals(1, Footfall.rows("SELECT COUNT(*) FROM users WHERE email = ? AND password_hash LIKE '$2a$12$%'",
                email), "stored as bcrypt");
    }

    @Test
    void weakCommonAndDuplicatePasswordsAndEmailsAreRefusedWithAReason() {
        String email = email("weak");
        signUp(new CookieFilter(), email, "short").then().statusCode(400).body(containsString("at least 10"));
        signUp(new CookieFilter(), email, "password123").then().statusCode(400).body(containsString("too common"));
        signUp(new CookieFilter(), "not-an-email", Account.PASSWORD).then().statusCode(400)
                .body(containsString("valid email"));
        assertEquals(0, Footfall.rows("SELECT COUNT(*) FROM users WHERE email = ?", email));
        signUp(new CookieFilter(), email, Account.PASSWORD).then().statusCode(303);
        signUp(new CookieFilter(), email.toUpperCase(), Account.PASSWORD).then().statusCode(409)
                .body(containsString("already exists"));
        assertEquals(1, Footfall.rows("SELECT COUNT(*) FROM users WHERE email = ?", email));
    }

    @Test
    void fiveFailedLoginsForOneAccountLockItFor15MinutesEvenWithTheRightPassword() {
        Account account = Account.signUp("locked");
        CookieFilter cookies = new CookieFilter();
        for (int attempt = 1; attempt <= 5; attempt++) {
            logIn(cookies, account.email, "wrong password " + attempt, "198.51.100." + attempt).then()
                    .statusCode(401).body(containsString("Wrong email or password"));
        }
        Response locked = logIn(cookies, account.email, Account.PASSWORD, "198.51.100.6");
        assertEquals(429, locked.statusCode());
        assertTrue(locked.asString().contains("Too many failed attempts. Try again in 15 minutes."), locked.asString());
        long retryAfter = Long.parseLong(locked.header("Retry-After"));
        assertTrue(retryAfter > 14 * 60 && retryAfter <= 15 * 60, "Retry-After " + retryAfter);
        // another account from another address is not affected
        Account.logIn(Footfall.ADMIN_EMAIL, Footfall.ADMIN_PASSWORD);
    }

    @Test
    void fiveFailedLoginsFromOneAddressBlockThatAddress() {
        String ip = "203.0.113." + (1 + (int) (Math.random() * 250));
        CookieFilter cookies = new CookieFilter();
        Account victim = Account.signUp("ipvictim");
        for (int attempt = 1; attempt <= 5; attempt++) {
            logIn(cookies, email("guess"), "guess " + attempt, ip).then().statusCode(401);
        }
        logIn(cookies, victim.email, Account.PASSWORD, ip).then().statusCode(429)
                .body(containsString("Too many failed attempts"));
        logIn(new CookieFilter(), victim.email, Account.PASSWORD, "192.0.2.99").then().statusCode(303);
    }

    @Test
    void loggingOutEndsTheSession() {
        Account account = Account.signUp("leaving");
        account.request().get("/").then().statusCode(200);
        account.post("/logout").then().statusCode(303).header("Location", containsString("/login"));
        account.request().get("/").then().statusCode(302).header("Location", containsString("/login"));
    }

    @Test
    void changingThePasswordEndsOtherSessionsAndKeepsThisOne() {
        Account here = Account.signUp("changer");
        Account elsewhere = Account.logIn(here.email, Account.PASSWORD);
        elsewhere.request().get("/").then().statusCode(200);
        assertTrue(cached("user:" + userId(here.email)).startsWith(userId(here.email) + "|0|0|"),
                "the session's user is in the identity cache");
        String next = "another sturdy password 7";
        here.post("/settings/password", "current", "not it", "password", next).then().statusCode(400)
                .body(containsString("current password is wrong"));
        here.post("/settings/password", "current", Account.PASSWORD, "password", next).then().statusCode(303);
        here.request().get("/settings").then().statusCode(200).body(containsString(here.email));
        elsewhere.request().get("/").then().statusCode(302);
        logIn(new CookieFilter(), here.email, Account.PASSWORD, "192.0.2.10").then().statusCode(401);
        Account.logIn(here.email, next);
    }

    @Test
    void apiKeysAreShownOnceListedByPrefixAndStopWorkingWhenRevoked() {
        Account account = Account.signUp("keys");
        String page = account.post("/settings/keys", "name", "reporting <script>").then().statusCode(200)
                .extract().asString();
        String key = page.replaceAll("(?s).*id=\"new-key\" class=\"copyable\">(ff_[A-Za-z0-9_-]+)<.*", "$1");
        assertTrue(key.startsWith("ff_") && key.length() > 30, key);
        assertTrue(page.contains("reporting &lt;script&gt;"), "the key's name is escaped");
        given().auth().oauth2(key).get("/api/v1/sites").then().statusCode(200);
        given().auth().oauth2(key).get("/api/v1/sites").then().statusCode(200);
        assertEquals(userId(account.email) + "|0|0|" + account.email, cached("key:" + ApiKey.hash(key)),
                "the key's user is in the identity cache (shared by all replicas)");

        String list = account.request().get("/settings").then().statusCode(200).extract().asString();
        assertFalse(list.contains(key), "the whole key is shown only once");
        assertTrue(list.contains(key.substring(0, 10) + "…"), "listed by its prefix");
        assertEquals(1, Footfall.rows("SELECT COUNT(*) FROM api_keys WHERE key_hash = SHA2(?, 256)", key));

        String id = list.replaceAll("(?s).*/settings/keys/(\\d+)/revoke.*", "$1");
        account.post("/settings/keys/" + id + "/revoke").then().statusCode(303);
        given().auth().oauth2(key).get("/api/v1/sites").then().statusCode(401);
        assertFalse(account.request().get("/settings").then().extract().asString().contains(key.substring(0, 10)));
    }

    private String cached(String entry) {
        io.vertx.mutiny.redis.client.Response value = redis.send(Request.cmd(Command.GET).arg(
                ConfigProvider.getConfig().getValue("footfall.key-prefix", String.class) + ":auth:" + entry))
                .await().indefinitely();
        return value == null ? "" : value.toString();
    }

    private static long userId(String email) {
        return Footfall.rows("SELECT id FROM users WHERE email = ?", email);
    }

    @Test
    void aLoginFormFromAnotherPageIsRefused() {
        Account account = Account.signUp("csrf");
        given().redirects().follow(false).formParam("email", account.email).formParam("password", Account.PASSWORD)
                .post("/login").then().statusCode(403);
        given().redirects().follow(false).header("Sec-Fetch-Site", "cross-site").formParam("email", account.email)
                .post("/login").then().statusCode(403);
    }
}
