package analytics.accounts;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.filter.cookie.CookieFilter;
import support.Account;
import support.Footfall;

/** With footfall.registration.enabled=false nobody can sign up, and the login page stops offering it. */
@QuarkusTest
@TestProfile(RegistrationClosedTest.Closed.class)
class RegistrationClosedTest {

    public static class Closed implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("footfall.registration.enabled", "false");
        }
    }

    @Test
    void signUpIsRefusedAndNotOffered() {
        CookieFilter cookies = new CookieFilter();
        String token = Account.tokenIn(given().filter(cookies).get("/login").then().statusCode(200)
                .body(not(containsString("/signup"))).extract().asString());
        given().filter(cookies).get("/signup").then().statusCode(403).body(containsString("Sign-up is turned off"));
        given().filter(cookies).redirects().follow(false).formParam("email", "someone@footfall.test")
                .formParam("password", Account.PASSWORD).formParam("csrf", token).post("/signup").then()
                .statusCode(403);
        org.junit.jupiter.api.Assertions.assertEquals(0,
                Footfall.rows("SELECT COUNT(*) FROM users WHERE email = 'someone@footfall.test'"));
        Account.logIn(Footfall.ADMIN_EMAIL, Footfall.ADMIN_PASSWORD).request().get("/").then().statusCode(200);
    }
}
