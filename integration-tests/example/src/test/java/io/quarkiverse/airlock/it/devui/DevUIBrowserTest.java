package io.quarkiverse.airlock.it.devui;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
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
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.quarkiverse.airlock.it.shop.Order;
import io.quarkiverse.airlock.it.shop.ShopTasks;
import io.quarkus.test.QuarkusDevModeTest;
import io.restassured.specification.RequestSpecification;

/**
 * The Airlock pages of the example shop in dev mode, in a real browser: Debian's Chromium, headless. A checkout held
 * open shows its intents on the Pending page, a hostile gift note among them shown as text; once the checkout
 * commits, the History page shows the intents waiting for the commit, then dispatched. The Tasks and Configuration
 * pages show the shop's build. Screenshots of the pages land in target/. Skipped, loudly, only when Chromium is
 * missing and cannot be installed.
 */
public class DevUIBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** A free port: another build on the same machine may be using the default one. */
    private static final int PORT = freePort();
    private static final String DEV_UI = "http://localhost:" + PORT + "/q/dev-ui/quarkus-airlock/";

    /** Markup that would run script if the page rendered it, then enough text to be cut. */
    private static final String MARKUP = "<img src=x onerror=\"window.__airlockInjected=true\">"
            + "<script>window.__airlockInjected=true</script>";
    private static final String GIFT_NOTE = MARKUP + " Happy birthday!".repeat(1000);

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

    /** The example shop as it is (its classes and its application.properties), plus the held checkout. */
    @RegisterExtension
    static final QuarkusDevModeTest devMode = new QuarkusDevModeTest()
            .withApplicationRoot(jar -> jar.addPackage(Order.class.getPackage()).addClass(HeldCheckout.class)
                    .addAsResource(new StringAsset(shopProperties() + "\nquarkus.http.port=" + PORT + "\n"),
                            "application.properties"));

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
    void aHeldCheckoutIsPendingThenItsIntentsAreDispatchedAfterTheCommit() throws Exception {
        long id = shop().queryParam("customer", "ada").post("/orders").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        CompletableFuture<String> checkout = CompletableFuture.supplyAsync(() -> shop().contentType("text/plain")
                .body(GIFT_NOTE).post("/held-checkout/" + id).then().statusCode(200).extract().asString());

        browser.get(DEV_UI + "pending");
        String pending = waitForText("qwc-airlock-intents", ".scope",
                text -> text.contains("HeldCheckout#checkout") && text.contains("sendConfirmationEmail"));
        assertThat(pending).contains("printGiftNote", "notifyWarehouse", "sendConfirmationEmail", "AllowAll");
        // the hostile note: its markup shown as written, never rendered, and the rest cut
        assertThat(pending).contains(id + ", \"" + MARKUP + " Happy birthday!",
                "… (" + GIFT_NOTE.length() + " characters)");
        assertThat(pending).doesNotContain(" Happy birthday!".repeat(30));
        assertThat(count("qwc-airlock-intents", "img, script")).isZero();
        assertThat(((JavascriptExecutor) browser).executeScript("return window.__airlockInjected === undefined"))
                .isEqualTo(true);
        screenshot("airlock-dev-ui-pending.png");

        shop().post("/held-checkout/" + id + "/release").then().statusCode(204);
        assertThat(checkout.get(30, TimeUnit.SECONDS)).isEqualTo("order " + id + " for ada is PROCESSED");
        // the page follows by itself: the checkout's scope leaves it
        waitForText("qwc-airlock-intents", null, text -> !text.contains("HeldCheckout#checkout"));

        browser.get(DEV_UI + "history");
        String history = waitForText("qwc-airlock-history", "tr.entry",
                text -> text.contains("dispatched") && text.contains("sendConfirmationEmail"));
        assertThat(history.lines()
                .filter(line -> line.contains("notifyWarehouse") && line.contains("HeldCheckout#checkout")))
                // the detail of a waiting row says when it will be dispatched: read the outcome first
                .extracting(line -> line.contains("waiting for commit") ? "waiting for commit"
                        : line.contains("dispatched") ? "dispatched" : line)
                .as("newest first").containsExactly("dispatched", "waiting for commit");
        assertThat(count("qwc-airlock-history", "img, script")).isZero();
        List<String> effects = shop().get("/side-effects").then().statusCode(200).extract().jsonPath()
                .getList("task", String.class);
        assertThat(effects).as("what the handlers really did")
                .containsExactlyInAnyOrder("notifyWarehouse", "sendConfirmationEmail");
        screenshot("airlock-dev-ui-history.png");

        browser.get(DEV_UI + "tasks");
        String tasks = waitForText("qwc-airlock-tasks", "tr.task", text -> text.contains("notifyWarehouse"));
        assertThat(tasks).contains("sendConfirmationEmail", "notifyFlakyPartner", ShopTasks.class.getName(), "long");
        screenshot("airlock-dev-ui-tasks.png");

        browser.get(DEV_UI + "configuration");
        String configuration = waitForText("qwc-airlock-configuration", "tr.property",
                text -> text.contains("quarkus.airlock.executor"));
        assertThat(configuration).contains("quarkus.airlock.executor sync default",
                "quarkus.airlock.policy allow-all default", "quarkus.airlock.http.auto-scope false default");
        screenshot("airlock-dev-ui-configuration.png");
    }

    private static RequestSpecification shop() {
        return given().baseUri("http://localhost").port(PORT);
    }

    private String waitForText(String component, String selector, Predicate<String> ready) throws IOException {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        Object[] last = new Object[1];
        try {
            // the Dev UI loads its shell, then the card's components, then their data: wait for the page's own content
            return new WebDriverWait(browser, Duration.ofSeconds(60)).pollingEvery(Duration.ofMillis(250))
                    .until(ignored -> {
                        Object text = js.executeScript(SHADOW_TEXT, component, selector);
                        last[0] = text;
                        return text instanceof String && ready.test((String) text) ? (String) text : null;
                    });
        } catch (TimeoutException e) {
            screenshot("airlock-dev-ui-timeout.png");
            throw new AssertionError("The page never showed what was expected in " + component
                    + (selector == null ? "" : " " + selector) + "; it showed: " + last[0]
                    + " (screenshot: target/airlock-dev-ui-timeout.png)", e);
        }
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

    private static String shopProperties() {
        try {
            return Files.readString(Path.of("src", "main", "resources", "application.properties"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void ensureChromium() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            Path script = Path.of("..", "..", ".ci", "services", "chromium.sh");
            if (Files.isRegularFile(script)) {
                try {
                    new ProcessBuilder("bash", script.toString()).inheritIO().start().waitFor(10, TimeUnit.MINUTES);
                } catch (IOException e) {
                    // reported below
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String missing = CHROMIUM + " or " + CHROMEDRIVER + " is missing and could not be installed.\nRun"
                    + " .ci/services/chromium.sh as root (apt-get install chromium chromium-driver).";
            // in CI a browser that cannot be had fails the run: a skipped Dev UI test must not pass for a green one
            if (System.getenv("CI") != null) {
                throw new IllegalStateException("CI is set and the Dev UI browser test cannot run: " + missing);
            }
            String notice = "\n" + "!".repeat(100) + "\nSKIPPED DevUIBrowserTest: " + missing + "\n" + "!".repeat(100);
            System.err.println(notice);
            Assumptions.abort(notice);
        }
    }
}
