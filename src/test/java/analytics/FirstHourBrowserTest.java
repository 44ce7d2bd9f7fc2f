package analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.junit.QuarkusTest;
import support.Account;
import support.Footfall;

/**
 * A newcomer's first hour in Debian's Chromium, driven through chromedriver: sign up, add a site,
 * copy the snippet into a page served here on a local port, visit it and navigate like a
 * single-page app, watch the settings page notice the first page view, then read the dashboard,
 * use the period picker and the custom range, and leave screenshots in target/screenshots.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FirstHourBrowserTest {

    static final Path SHOTS = Path.of("target", "screenshots");
    static ChromeDriver browser;
    static HttpServer customerSite;
    static String page;
    static String footfall;
    static String domain;

    @BeforeEach
    void start() throws IOException {
        if (browser != null) {
            return;
        }
        footfall = "http://localhost:" + ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-dev-shm-usage", "--window-size=1280,800", "--lang=en-US",
                "--user-data-dir=" + Files.createTempDirectory("footfall-chromium"), "--user-agent=" + Footfall.CHROME);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        Files.createDirectories(SHOTS);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (customerSite != null) {
            customerSite.stop(0);
        }
    }

    @Test
    @Order(1)
    void aNewcomerSignsUpAddsASiteEmbedsTheSnippetAndSeesTheVisits() throws IOException {
        browser.get(footfall + "/");
        waitFor(() -> browser.getCurrentUrl().endsWith("/login"));
        browser.findElement(By.linkText("Create an account")).click();
        String email = "newcomer-" + UUID.randomUUID().toString().substring(0, 8) + "@footfall.test";
        browser.findElement(By.name("email")).sendKeys(email);
        browser.findElement(By.name("password")).sendKeys(Account.PASSWORD);
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        waitFor(() -> browser.getCurrentUrl().endsWith("/sites/new"));

        Select zone = new Select(browser.findElement(By.id("timezone")));
        String browserZone = (String) browser.executeScript("return Intl.DateTimeFormat().resolvedOptions().timeZone");
        assertEquals(browserZone, zone.getFirstSelectedOption().getText(), "defaults to the browser's time zone");
        zone.selectByVisibleText("UTC");
        domain = Footfall.uniqueDomain("firsthour");
        browser.findElement(By.name("domain")).sendKeys("https://www." + domain + "/");
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        waitFor(() -> browser.getCurrentUrl().endsWith("/" + domain + "/settings"));

        String snippet = browser.findElement(By.id("snippet")).getText();
        assertEquals("<script defer data-domain=\"" + domain + "\" src=\"" + footfall + "/js/script.js\"></script>",
                snippet);
        WebElement status = browser.findElement(By.id("status"));
        assertTrue(status.getText().startsWith("Waiting for the first page view"), status.getText());
        shoot("settings");
        String settingsTab = browser.getWindowHandle();

        serveCustomerSite(snippet.replace("<script ", "<script data-include-localhost data-include-automation "));
        browser.switchTo().newWindow(WindowType.TAB);
        browser.get(page);
        waitFor(() -> "ready".equals(browser.executeScript("return window.footfall && 'ready'")));
        browser.findElement(By.id("pricing")).click();
        waitFor(() -> browser.getCurrentUrl().endsWith("/pricing"));
        browser.close();

        browser.switchTo().window(settingsTab);
        waitFor(() -> browser.findElement(By.id("status")).getText().startsWith("The first page view has arrived"));
        browser.findElement(By.linkText("See it on the dashboard")).click();
        waitFor(() -> {
            browser.navigate().refresh();
            return text("visitors").equals("1") && text("pageviews").equals("2");
        });
        assertEquals(List.of("/ 1", "/pricing 1"), topPages());
        assertEquals(2, Footfall.rows("SELECT COUNT(*) FROM page_views WHERE site = ?", domain));
    }

    @Test
    @Order(2)
    void thePeriodPickerAndTheCustomRangeWorkByClicking() throws IOException {
        browser.get(footfall + "/" + domain);
        browser.findElement(By.linkText("Last 7 days")).click();
        waitFor(() -> browser.getCurrentUrl().contains("period=7d"));
        assertEquals("current", browser.findElement(By.linkText("Last 7 days")).getAttribute("class"));
        assertEquals("1", text("visitors"));
        assertEquals("2", text("pageviews"));

        browser.findElement(By.linkText("Last 24 hours")).click();
        waitFor(() -> browser.getCurrentUrl().contains("period=24h"));
        assertEquals("2", text("pageviews"));
        assertEquals(24, browser.findElements(By.cssSelector(".chart circle")).size(), "one point per hour");

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        customRange(today.minusDays(3), today.minusDays(1));
        assertEquals("0", text("visitors"));
        assertEquals("0", text("pageviews"));
        customRange(today.minusDays(1), today);
        assertEquals("1", text("visitors"));
        assertEquals("2", text("pageviews"));
        assertEquals(List.of("/ 1", "/pricing 1"), topPages());
        assertTrue(browser.findElement(By.id("apply-range")).getAttribute("class").contains("current"));

        shoot("dashboard");
        browser.get(footfall + "/");
        assertEquals("1", browser.findElement(By.cssSelector(".visitors-24h")).getText());
        shoot("sites");
    }

    @Test
    @Order(3)
    void theWholeDashboardWithEveryCardByClicking() throws IOException, InterruptedException {
        String[][] visits = {
            {"8.8.8.8", Footfall.CHROME, "/?utm_source=newsletter&utm_medium=email&utm_campaign=november", ""},
            {"194.25.2.129", Footfall.FIREFOX, "/blog", "https://www.google.de/"},
            {"212.27.48.10", Footfall.IPHONE, "/pricing", "https://t.co/abc"},
            {"133.242.0.3", Footfall.CHROME, "/docs", "https://news.ycombinator.com/item?id=1"},
            {"200.160.2.3", Footfall.FIREFOX, "/", "https://duckduckgo.com/"},
            {"164.100.1.1", Footfall.IPHONE, "/blog/launch", "https://www.reddit.com/r/analytics"},
            {"8.8.4.4", Footfall.IPHONE, "/", "https://evil.example/<b>hi</b>"},
            {"81.2.69.142", Footfall.CHROME, "/docs/start?ref=producthunt", ""},
        };
        int width = 360;
        for (String[] visit : visits) {
            width += 300;
            for (String path : new String[] {visit[2], "/about"}) {
                String body = "{\"n\":\"pageview\",\"u\":\"https://" + domain + path + "\",\"d\":\"" + domain
                        + "\",\"r\":\"" + visit[3] + "\",\"w\":" + width + "}";
                io.restassured.RestAssured.given().header("User-Agent", visit[1]).header("X-Forwarded-For", visit[0])
                        .contentType("text/plain").body(body).post("/api/event").then().statusCode(202);
            }
        }
        browser.get(footfall + "/" + domain);
        waitFor(() -> {
            browser.navigate().refresh();
            return text("pageviews").equals("18");
        });
        assertTrue(browser.findElement(By.id("current-visitors")).getText().matches("\\d+"));
        shootWhole("dashboard-full");

        browser.findElement(By.cssSelector("a[data-metric=visits]")).click();
        waitFor(() -> browser.getCurrentUrl().contains("metric=visits"));
        assertEquals("visits", browser.findElement(By.id("chart")).getAttribute("data-metric"));
        browser.findElement(By.cssSelector("#card-sources a[data-tab=source]")).click();
        waitFor(() -> browser.getCurrentUrl().contains("sources=source"));
        assertTrue(browser.getCurrentUrl().contains("metric=visits"), "the charted metric is kept");
        assertTrue(browser.findElement(By.id("card-sources")).getText().contains("Google"));
        browser.findElement(By.cssSelector("#card-sources a[data-tab=utm_medium]")).click();
        waitFor(() -> browser.getCurrentUrl().contains("sources=utm_medium"));
        browser.findElement(By.cssSelector("#card-locations a[data-tab=country]")).click();
        waitFor(() -> browser.getCurrentUrl().contains("locations=country"));
        browser.findElement(By.cssSelector("#card-devices a[data-tab=device]")).click();
        waitFor(() -> browser.getCurrentUrl().contains("devices=device"));
        assertTrue(browser.findElement(By.id("card-locations")).getText().contains("Germany"));
        shootWhole("dashboard-tabs");

        browser.findElement(By.cssSelector("#card-pages a.details")).click();
        waitFor(() -> browser.getCurrentUrl().contains("/details/page"));
        browser.findElement(By.cssSelector("a[data-sort=pageviews]")).click();
        waitFor(() -> browser.getCurrentUrl().contains("sort=pageviews"));
        assertEquals("/about", browser.findElement(By.cssSelector("#details tbody tr")).getAttribute("data-value"));
        shootWhole("details");
    }

    /** Saves the whole page, however long, at 1280 wide and at 390 (a phone), checking neither scrolls sideways. */
    private void shootWhole(String name) throws IOException {
        for (int[] size : new int[][] {{1280, 800}, {390, 844}}) {
            int width = size[0];
            browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height",
                    size[1], "deviceScaleFactor", 1, "mobile", width < 500));
            Number height = (Number) browser.executeScript("return document.documentElement.scrollHeight");
            Number scroll = (Number) browser.executeScript("return document.documentElement.scrollWidth");
            assertTrue(scroll.intValue() <= width, name + " at " + width + " scrolls sideways: " + scroll);
            browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height",
                    Math.max(size[1], height.intValue()), "deviceScaleFactor", 1, "mobile", width < 500));
            Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(),
                    SHOTS.resolve(name + "-" + (width < 500 ? "phone" : "desktop") + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        }
        browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        browser.manage().window().setSize(new Dimension(1280, 800));
    }

    private void customRange(LocalDate from, LocalDate to) {
        browser.executeScript("document.querySelector('input[name=from]').value = arguments[0];"
                + "document.querySelector('input[name=to]').value = arguments[1];", from.toString(), to.toString());
        browser.findElement(By.id("apply-range")).click();
        waitFor(() -> browser.getCurrentUrl().contains("from=" + from + "&to=" + to));
    }

    /** Saves the page at desktop and phone size, and checks that neither needs sideways scrolling. */
    private void shoot(String name) throws IOException {
        for (Map.Entry<String, int[]> size : Map.of("desktop", new int[] {1280, 800}, "phone", new int[] {390, 844})
                .entrySet()) {
            int width = size.getValue()[0];
            browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height",
                    size.getValue()[1], "deviceScaleFactor", 1, "mobile", width < 500));
            Number scroll = (Number) browser.executeScript("return document.documentElement.scrollWidth");
            assertTrue(scroll.intValue() <= width, name + " at " + size.getKey() + " scrolls sideways: " + scroll);
            Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(),
                    SHOTS.resolve(name + "-" + size.getKey() + ".png"), StandardCopyOption.REPLACE_EXISTING);
        }
        browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        browser.manage().window().setSize(new Dimension(1280, 800));
    }

    private static String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private static List<String> topPages() {
        return browser.findElements(By.cssSelector("#card-pages li[data-value]")).stream()
                .map(row -> row.getText().replaceAll("\\s+", " ").strip()).sorted().toList();
    }

    private static void waitFor(java.util.function.Supplier<Boolean> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(30), Duration.ofMillis(250)).until(driver -> condition.get());
    }

    /** The customer's site: one page with the copied snippet, and a link that navigates like a single-page app. */
    private static void serveCustomerSite(String snippet) throws IOException {
        String html = "<!DOCTYPE html><html><head><title>Customer site</title>" + snippet + "</head><body>"
                + "<h1>Welcome</h1><button id=\"pricing\">Pricing</button><script>"
                + "document.getElementById('pricing').onclick = function () { history.pushState({}, '', '/pricing'); };"
                + "</script></body></html>";
        customerSite = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        customerSite.createContext("/", exchange -> {
            byte[] body = html.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        customerSite.start();
        page = "http://127.0.0.1:" + customerSite.getAddress().getPort() + "/";
    }
}
