package dev.jmicro.system;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's, through its ChromeDriver; no Selenium Manager, which would go to the internet),
 * with the few things the browser tests need: go to a page, fill a field, press a button, wait for something bounded,
 * and a screenshot of each page under {@code target/screenshots}.
 */
final class Browser implements AutoCloseable {

    private static final String CHROME = System.getenv().getOrDefault("CHROME_BINARY", "/usr/bin/chromium");
    private static final String DRIVER = System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = TestStacks.root().resolve("system-tests/target/screenshots");

    private static final String AXE = axe();

    private final ChromeDriver driver;
    private final URI base;

    private Browser(ChromeDriver driver, URI base) {
        this.driver = driver;
        this.base = base;
    }

    /**
     * A browser on the front end at {@code base}; the test is skipped where Chromium is not installed (the build's
     * {@code ensure-chromium.sh} installs it where it can), except under CI, where that is a failure.
     */
    static Browser open(URI base) {
        boolean installed = new File(CHROME).canExecute() && new File(DRIVER).canExecute();
        if (!installed && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("Chromium or ChromeDriver missing at " + CHROME + ", " + DRIVER);
        }
        Assumptions.assumeTrue(installed, "Chromium and ChromeDriver are not installed: browser tests skipped");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER))
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROME)
                .addArguments(
                        "--headless=new",
                        "--no-sandbox",
                        "--disable-dev-shm-usage",
                        "--disable-gpu",
                        "--no-first-run",
                        "--window-size=1280,900");
        return new Browser(new ChromeDriver(service, options), base);
    }

    WebDriver driver() {
        return driver;
    }

    void go(String path) {
        driver.get(base.resolve(path).toString());
    }

    String path() {
        return URI.create(driver.getCurrentUrl()).getPath();
    }

    WebElement find(String id) {
        return driver.findElement(By.id(id));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    String text(String id) {
        return find(id).getText();
    }

    /** The element's text, or null while the page is being replaced (a page that reloads itself). */
    String textOrNull(String id) {
        try {
            return find(id).getText();
        } catch (org.openqa.selenium.NoSuchElementException | org.openqa.selenium.StaleElementReferenceException e) {
            return null;
        }
    }

    void fill(String id, String value) {
        WebElement field = find(id);
        field.clear();
        field.sendKeys(value);
    }

    /** Sets a field's value as a script would: for date pickers, whose typing depends on the locale. */
    void set(String id, String value) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1]", find(id), value);
    }

    /** Presses a button that submits its form, and waits until the next page has replaced this one. */
    void press(String id) {
        JavascriptExecutor page = (JavascriptExecutor) driver;
        page.executeScript("document.documentElement.dataset.pressed = 'yes'"); // gone once the next page is there
        find(id).click();
        await(
                10,
                d -> Boolean.TRUE.equals(
                        page.executeScript(
                                "return document.documentElement.dataset.pressed === undefined && document.readyState === 'complete'")));
    }

    /** Waits at most {@code seconds} for the condition; fails the test with the page's text otherwise. */
    <T> T await(int seconds, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(seconds)).until(condition);
    }

    /**
     * Every later request of this browser carries {@code X-Forwarded-For: address}, as if an ingress in front of the
     * front end had added it (Chromium's DevTools protocol); {@code null} for none again.
     */
    void forwardedFor(String address) {
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand(
                "Network.setExtraHTTPHeaders",
                Map.of("headers", address == null ? Map.of() : Map.of("X-Forwarded-For", address)));
    }

    void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** The page is no wider than the window: nothing to scroll sideways. */
    boolean fitsTheWidth() {
        Object fits = ((JavascriptExecutor) driver)
                .executeScript("return document.documentElement.scrollWidth <= window.innerWidth");
        return Boolean.TRUE.equals(fits);
    }

    /**
     * The page's serious and critical accessibility violations, found by axe-core (Deque's engine, from its Maven
     * packaging) injected into the page: one line each, with the rule, its help and the elements at fault. Axe runs
     * through the DevTools protocol, which the page's Content-Security-Policy does not govern.
     */
    List<String> accessibilityViolations() {
        JavascriptExecutor page = (JavascriptExecutor) driver;
        page.executeScript(AXE);
        Object found = page.executeAsyncScript(
                """
                const done = arguments[arguments.length - 1];
                axe.run(document, { resultTypes: ['violations'] })
                    .then(r => done(r.violations
                        .filter(v => v.impact === 'serious' || v.impact === 'critical')
                        .map(v => v.impact + ' ' + v.id + ': ' + v.help + ' at '
                            + v.nodes.map(n => n.target.join(' ')).join(', '))))
                    .catch(e => done(['axe failed: ' + e]));
                """);
        return ((List<?>) found).stream().map(String::valueOf).toList();
    }

    /**
     * Text in the element that the browser broke inside a word: a run without spaces laid out over more than one
     * line. Empty when every word stayed whole.
     */
    List<String> wordsBrokenIn(String css) {
        Object broken = ((JavascriptExecutor) driver)
                .executeScript(
                        """
                const broken = [];
                for (const element of document.querySelectorAll(arguments[0])) {
                    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
                    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                        for (const match of node.textContent.matchAll(/\\S+/g)) {
                            const range = document.createRange();
                            range.setStart(node, match.index);
                            range.setEnd(node, match.index + match[0].length);
                            const tops = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
                            if (tops.size > 1) broken.push(match[0]);
                        }
                    }
                }
                return broken;
                """,
                        css);
        return ((List<?>) broken).stream().map(String::valueOf).toList();
    }

    /** Whether the element is laid out at all (not {@code display: none} itself or by a parent). */
    boolean displayed(String id) {
        return find(id).isDisplayed();
    }

    /** The whole page, beyond the window's height too (Chromium's DevTools protocol), as {@code <name>.png}. */
    void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Map<?, ?> size = (Map<?, ?>) ((JavascriptExecutor) driver)
                .executeScript("return {width: document.documentElement.scrollWidth,"
                        + " height: document.documentElement.scrollHeight}");
        Map<String, Object> shot = driver.executeCdpCommand(
                "Page.captureScreenshot",
                Map.of(
                        "format",
                        "png",
                        "captureBeyondViewport",
                        true,
                        "clip",
                        Map.of("x", 0, "y", 0, "width", size.get("width"), "height", size.get("height"), "scale", 1)));
        Files.write(SCREENSHOTS.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
    }

    private static String axe() {
        try (var script = Browser.class.getResourceAsStream("/axe.min.js")) {
            if (script == null) {
                throw new IllegalStateException("axe.min.js is not on the test class path (com.deque.html.axe-core)");
            }
            return new String(script.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
