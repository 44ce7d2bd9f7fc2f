package analytics.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.QueryParam;
import support.Account;
import support.Footfall;

/**
 * Walks every JAX-RS route of Footfall, found by reflection over the compiled resource classes, so a
 * new route is checked without anyone listing it here. A second user, with a session and with an
 * API key, must get 404 from every route that names the first user's site, key or share link, and
 * must never see that site anywhere; every form post without a CSRF token is refused; nothing but
 * the public routes answers without a login.
 */
@QuarkusTest
class AccessControlTest {

    /** Routes meant for anyone: login and sign-up, the snippet and its endpoint, a share link (the token is the key). */
    static final Set<String> PUBLIC = Set.of("GET /login", "POST /login", "POST /logout", "GET /signup",
            "POST /signup", "GET /share/{token}", "GET /share/{token}/details/{report}", "POST /api/event", "OPTIONS /api/event", "GET /js/script.js");

    record Route(String method, String path, boolean namesSite, boolean form) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    @Inject
    DataSource db;

    static Account owner;
    static Account other;
    static String site;
    static String shareToken;
    static String ownerKeyId;
    static String otherKey;

    @BeforeEach
    void twoPeople() {
        if (owner != null) {
            return; // once per class; RestAssured knows the test port only from the first test on
        }
        owner = Account.signUp("owner");
        other = Account.signUp("other");
        site = Footfall.uniqueDomain("private");
        owner.post("/sites", "domain", site, "timezone", "Europe/Paris").then().statusCode(303);
        owner.post("/" + site + "/settings/share").then().statusCode(303);
        // a setting that a post with empty exclusions would visibly change
        owner.post("/" + site + "/settings/exclusions", "exclusions", "203.0.113.0/24").then().statusCode(303);
        String settings = owner.request().get("/" + site + "/settings").then().statusCode(200).extract().asString();
        shareToken = settings.replaceAll("(?s).*/share/([A-Za-z0-9_-]{20,}).*", "$1");
        newKey(owner, "owner's key");
        String keys = owner.request().get("/settings").then().extract().asString();
        ownerKeyId = keys.replaceAll("(?s).*/settings/keys/(\\d+)/revoke.*", "$1");
        otherKey = newKey(other, "other's key");
    }

    static String newKey(Account account, String name) {
        String page = account.post("/settings/keys", "name", name).then().statusCode(200).extract().asString();
        return page.replaceAll("(?s).*id=\"new-key\" class=\"copyable\">(ff_[A-Za-z0-9_-]+)<.*", "$1");
    }

    @Test
    void theFixturesAreReal() {
        assertTrue(shareToken.length() >= 20, shareToken);
        assertTrue(ownerKeyId.matches("\\d+"), ownerKeyId);
        assertTrue(otherKey.startsWith("ff_"), otherKey);
        given().redirects().follow(false).get("/share/" + shareToken).then().statusCode(200);
        owner.request().get("/" + site).then().statusCode(200);
        given().auth().oauth2(otherKey).get("/api/v1/sites").then().statusCode(200);
        assertTrue(routes().size() >= 30, "found " + routes());
    }

    @Test
    void aSecondUserGets404FromEveryRouteThatNamesTheSiteKeyOrShare() throws SQLException {
        String ownersStateBefore = ownersState();
        assertTrue(ownersStateBefore.contains("203.0.113.0/24") && ownersStateBefore.contains(shareToken)
                && ownersStateBefore.contains("Europe/Paris"), ownersStateBefore);
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Route route : routes()) {
            if (!route.namesSite() || PUBLIC.contains(route.toString())) {
                continue;
            }
            checked++;
            for (boolean byKey : new boolean[] {false, true}) {
                Response response = call(route, byKey);
                if (response.statusCode() != 404) {
                    wrong.add(route + (byKey ? " (API key)" : " (session)") + " -> " + response.statusCode());
                }
            }
        }
        assertTrue(wrong.isEmpty(), "must be 404: " + wrong);
        assertTrue(checked >= 12, "routes naming a site, key or share: " + checked);
        // and nothing was changed behind the owner's back
        assertEquals(ownersStateBefore, ownersState());
        owner.request().get("/" + site + "/settings").then().statusCode(200);
        given().auth().oauth2(otherKey).get("/api/v1/sites").then().statusCode(200);
    }

    /** What the owner has in MySQL: the site and its settings, their keys (revoked or not), their login. */
    private String ownersState() throws SQLException {
        StringBuilder state = new StringBuilder();
        try (Connection connection = db.getConnection()) {
            append(state, connection, "SELECT s.id, s.domain, s.timezone, s.share_token, s.excluded_ips, s.owner_id"
                    + " FROM sites s JOIN users u ON u.id = s.owner_id WHERE u.email = ? ORDER BY s.id");
            append(state, connection, "SELECT k.id, k.name, k.prefix, k.revoked_at FROM api_keys k"
                    + " JOIN users u ON u.id = k.user_id WHERE u.email = ? ORDER BY k.id");
            // the password hash only through a digest of it: a failure message need not show it
            append(state, connection, "SELECT id, email, SHA2(password_hash, 256), admin, session_version FROM users"
                    + " WHERE email = ?");
        }
        return state.toString();
    }

    private static void append(StringBuilder state, Connection connection, String sql) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, owner.email);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    for (int column = 1; column <= rows.getMetaData().getColumnCount(); column++) {
                        state.append(rows.getString(column)).append(column < rows.getMetaData().getColumnCount()
                                ? " | " : "\n");
                    }
                }
            }
        }
    }

    @Test
    void noOtherRouteShowsTheSiteToASecondUser() {
        for (Route route : routes()) {
            if (route.namesSite() || route.method().equals("OPTIONS") || route.path().equals("/logout")) {
                continue;
            }
            for (boolean byKey : new boolean[] {false, true}) {
                String body = call(route, byKey).then().extract().asString();
                assertFalse(body.contains(site), route + " shows the first user's site: " + body);
            }
        }
    }

    @Test
    void everyFormPostWithoutACsrfTokenIsRefused() {
        int checked = 0;
        for (Route route : routes()) {
            if (!route.form()) {
                continue;
            }
            checked++;
            Response response = other.request().formParam("confirm", site).when()
                    .request(route.method(), concrete(route.path(), false));
            assertEquals(403, response.statusCode(), route + " without a CSRF token");
        }
        assertTrue(checked >= 10, "form posts: " + checked);
    }

    @Test
    void onlyPublicRoutesAnswerWithoutALogin() {
        for (Route route : routes()) {
            if (PUBLIC.contains(route.toString())) {
                continue;
            }
            boolean api = route.path().startsWith("/api/");
            RequestSpecification request = given().redirects().follow(false);
            if (api && route.method().equals("POST")) {
                request = request.contentType("application/json").body("{}");
            }
            int status = request.when().request(route.method(), concrete(route.path(), true)).statusCode();
            assertEquals(api ? 401 : 302, status, route + " without a login");
        }
    }

    private static Response call(Route route, boolean byKey) {
        RequestSpecification request = byKey ? given().redirects().follow(false).auth().oauth2(otherKey)
                : other.request().header("X-Footfall-CSRF", other.token("/settings"));
        if (route.form()) {
            request = request.formParam("confirm", site).formParam("exclusions", "").formParam("name", "x");
            if (!byKey) {
                request = request.formParam("csrf", other.token("/settings"));
            }
        } else if (route.method().equals("POST")) {
            request = request.contentType("application/json").body("{\"domain\":\"" + Footfall.uniqueDomain("b")
                    + "\"}");
        }
        return request.when().request(route.method(), concrete(route.path(), true));
    }

    /** The route's path with the first user's site, key or share in its parameters (and as site_id). */
    private static String concrete(String path, boolean withSiteId) {
        String concrete = path.replace("{domain}", site).replace("{token}", shareToken).replace("{id}", ownerKeyId)
                .replace("{report}", "source");
        return withSiteId ? concrete + "?site_id=" + site + "&period=7d&property=event:page" : concrete;
    }

    /** Every JAX-RS method of Footfall's resource classes. */
    static List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        for (Class<?> resource : resourceClasses()) {
            String base = resource.getAnnotation(jakarta.ws.rs.Path.class).value();
            for (Method method : resource.getDeclaredMethods()) {
                String verb = verb(method);
                if (verb == null) {
                    continue;
                }
                jakarta.ws.rs.Path sub = method.getAnnotation(jakarta.ws.rs.Path.class);
                String path = join(base, sub == null ? "" : sub.value());
                boolean siteId = Stream.of(method.getParameters()).map(p -> p.getAnnotation(QueryParam.class))
                        .anyMatch(q -> q != null && q.value().equals("site_id"));
                boolean names = siteId || path.contains("{");
                boolean form = verb.equals("POST") && !path.startsWith("/api/");
                routes.add(new Route(verb, path, names, form));
            }
        }
        return routes;
    }

    private static String verb(Method method) {
        return Stream.of(method.getAnnotations()).map(a -> a.annotationType().getAnnotation(HttpMethod.class))
                .filter(h -> h != null).map(HttpMethod::value).findFirst().orElse(null);
    }

    private static String join(String base, String sub) {
        String path = ("/" + base + "/" + sub).replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static List<Class<?>> resourceClasses() {
        Path classes = Path.of("target/classes");
        try (Stream<Path> files = Files.walk(classes)) {
            return files.filter(f -> f.toString().endsWith(".class") && !f.getFileName().toString().contains("$"))
                    .map(f -> classes.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", ""))
                    .filter(name -> name.startsWith("analytics.") || name.startsWith("ingest.")
                            || name.startsWith("events."))
                    .map(AccessControlTest::load).filter(c -> c.isAnnotationPresent(jakarta.ws.rs.Path.class))
                    .toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, AccessControlTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
