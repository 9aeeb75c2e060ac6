package dev.jmicro.system;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
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

    void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        File shot = driver.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
