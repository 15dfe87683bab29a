package io.quarkiverse.airlock.test.devui;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.quarkus.test.QuarkusDevModeTest;

/**
 * The Airlock pages in a real browser: Debian's Chromium, headless, against an application in dev mode. A request held
 * open shows its intent on the Pending page; once it completes, the History page shows the intent dispatched.
 * Screenshots of both pages land in target/.
 */
public class DevUIBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String DEV_UI = "http://localhost:8080/q/dev-ui/quarkus-airlock/";

    /** The text inside the first element named arguments[0], looking through every shadow root; null until it exists. */
    private static final String SHADOW_TEXT = """
            const find = (root, name) => {
                const direct = root.querySelector(name);
                if (direct) {
                    return direct;
                }
                for (const element of root.querySelectorAll('*')) {
                    if (element.shadowRoot) {
                        const found = find(element.shadowRoot, name);
                        if (found) {
                            return found;
                        }
                    }
                }
                return null;
            };
            const component = find(document, arguments[0]);
            if (!component || !component.shadowRoot) {
                return null;
            }
            const part = arguments[1] ? component.shadowRoot.querySelectorAll(arguments[1]) : [component.shadowRoot];
            return Array.from(part).map(node => node.textContent.replace(/\\s+/g, ' ').trim()).join('\\n');
            """;

    /** How many elements matching arguments[1] the component named arguments[0] renders. */
    private static final String SHADOW_COUNT = SHADOW_TEXT.replace(
            "return Array.from(part).map(node => node.textContent.replace(/\\s+/g, ' ').trim()).join('\\n');",
            "return part.length;");

    static {
        // offline, the Dev UI would otherwise show a registry error banner on every page (and in the screenshots)
        System.setProperty("quarkusRegistryClient", "false");
    }

    @RegisterExtension
    static final QuarkusDevModeTest devMode = new QuarkusDevModeTest()
            .withApplicationRoot(jar -> jar.addClasses(DevShop.class, DevShop.Resource.class, DevShop.Tasks.class,
                    DevShop.Hostile.class)
                    .addAsResource(new StringAsset("quarkus.airlock.http.auto-scope=true\n"), "application.properties"));

    private WebDriver browser;

    @BeforeEach
    void startBrowser() {
        ensureChromium();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1400,900");
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(driver, options);
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void pendingShowsAHeldRequestsIntentAndHistoryShowsItDispatched() throws Exception {
        CompletableFuture<String> checkout = CompletableFuture.supplyAsync(() -> given()
                .queryParam("note", "<b>gift wrap</b>").post("/dev-shop/orders/42").then().statusCode(200)
                .extract().asString());

        browser.get(DEV_UI + "pending");
        String pending = waitForText("qwc-airlock-intents", ".scope", text -> text.contains("notifyWarehouse"));
        assertThat(pending).contains("POST /dev-shop/orders/42", "notifyWarehouse", "\"42\"", "AllowAll");
        // markup in an argument is shown as text, never rendered
        assertThat(pending).contains("\"<b>gift wrap</b>\"");
        assertThat(count("qwc-airlock-intents", "code.args b")).isZero();
        screenshot("airlock-dev-ui-pending.png");

        given().post("/dev-shop/orders/42/release").then().statusCode(204);
        assertThat(checkout.get(30, TimeUnit.SECONDS)).isEqualTo("checked out 42");
        // the page updates by itself: the request's scope leaves it (the Dev UI's own requests may still be listed)
        waitForText("qwc-airlock-intents", null, text -> !text.contains("POST /dev-shop/orders/42"));

        browser.get(DEV_UI + "history");
        String history = waitForText("qwc-airlock-history", "tr.entry",
                text -> text.contains("notifyWarehouse") && text.contains("\"42\""));
        assertThat(history).contains("dispatched", "POST /dev-shop/orders/42", "\"<b>gift wrap</b>\"");
        screenshot("airlock-dev-ui-history.png");

        browser.get(DEV_UI + "tasks");
        String tasks = waitForText("qwc-airlock-tasks", "tr.task", text -> text.contains("notifyWarehouse"));
        assertThat(tasks).contains("chargeCard", "audit", DevShop.Tasks.class.getName(), "java.lang.String, java.lang.String",
                "sync");
        screenshot("airlock-dev-ui-tasks.png");

        browser.get(DEV_UI + "configuration");
        String configuration = waitForText("qwc-airlock-configuration", "tr.property",
                text -> text.contains("quarkus.airlock.executor"));
        assertThat(configuration).contains("quarkus.airlock.http.auto-scope true application.properties",
                "quarkus.airlock.policy allow-all default", "quarkus.airlock.enabled true default");
        screenshot("airlock-dev-ui-configuration.png");
    }

    private String waitForText(String component, String selector, Predicate<String> ready) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        // the Dev UI loads its shell, then the card's components, then their data: wait for the page's own content
        return new WebDriverWait(browser, Duration.ofSeconds(60)).pollingEvery(Duration.ofMillis(250)).until(ignored -> {
            Object text = js.executeScript(SHADOW_TEXT, component, selector);
            return text instanceof String && ready.test((String) text) ? (String) text : null;
        });
    }

    private long count(String component, String selector) {
        Object count = ((JavascriptExecutor) browser).executeScript(SHADOW_COUNT, component, selector);
        return count == null ? -1 : ((Number) count).longValue();
    }

    private void screenshot(String name) throws IOException {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Path target = Path.of("target", name);
        Files.createDirectories(target.getParent());
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void ensureChromium() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            Path script = Path.of("..", ".ci", "services", "chromium.sh");
            if (Files.isRegularFile(script)) {
                try {
                    new ProcessBuilder("bash", script.toString()).inheritIO().start().waitFor(10, TimeUnit.MINUTES);
                } catch (IOException | InterruptedException e) {
                    // reported below
                }
            }
        }
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String notice = "\n" + "!".repeat(100) + "\n"
                    + "SKIPPED DevUIBrowserTest: " + CHROMIUM + " or " + CHROMEDRIVER + " is missing and could not be"
                    + " installed.\nRun .ci/services/chromium.sh as root (apt-get install chromium chromium-driver).\n"
                    + "!".repeat(100);
            System.err.println(notice);
            Assumptions.abort(notice);
        }
    }
}
