package support;

import static io.restassured.RestAssured.given;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.filter.cookie.CookieFilter;
import io.restassured.specification.RequestSpecification;

/** A person using Footfall's pages over HTTP: their cookies (session and CSRF) and the form token. */
public final class Account {

    public static final String PASSWORD = "a sturdy test password 42";
    private static final Pattern TOKEN = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    public final String email;
    public final CookieFilter cookies = new CookieFilter();

    private Account(String email) {
        this.email = email;
    }

    /** Signs a new person up through the sign-up form. */
    public static Account signUp(String label) {
        Account account = new Account(label + "-" + UUID.randomUUID().toString().substring(0, 8) + "@footfall.test");
        String token = account.token("/signup");
        given().filter(account.cookies).redirects().follow(false).formParam("email", account.email)
                .formParam("password", PASSWORD).formParam("csrf", token)
                .when().post("/signup").then().statusCode(303);
        return account;
    }

    /** Logs in through the login form. */
    public static Account logIn(String email, String password) {
        Account account = new Account(email);
        String token = account.token("/login");
        given().filter(account.cookies).redirects().follow(false).formParam("email", email)
                .formParam("password", password).formParam("csrf", token)
                .when().post("/login").then().statusCode(303);
        return account;
    }

    /** A request with this person's cookies. */
    public RequestSpecification request() {
        return given().filter(cookies).redirects().follow(false);
    }

    /** The CSRF token the forms of this page carry. */
    public String token(String page) {
        return tokenIn(request().when().get(page).then().extract().asString());
    }

    public static String tokenIn(String html) {
        Matcher matcher = TOKEN.matcher(html);
        if (!matcher.find()) {
            throw new AssertionError("no CSRF token in the page: " + html);
        }
        return matcher.group(1);
    }

    /** Posts a form of a logged-in page with the right CSRF token. */
    public io.restassured.response.Response post(String path, Object... fields) {
        RequestSpecification request = request().formParam("csrf", token("/settings"));
        for (int i = 0; i + 1 < fields.length; i += 2) {
            request = request.formParam((String) fields[i], fields[i + 1]);
        }
        return request.when().post(path);
    }
}
