package com.helloword.aftersales.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium through Debian's ChromeDriver for the browser tests ({@code @Tag("browser")}),
 * with a fresh profile each time. With both the driver and the browser binary given, Selenium Manager is
 * not asked and downloads nothing. Screenshots and page sources land in {@code target/browser-test/}.
 */
public final class Browser implements AutoCloseable {

    public static final Duration WAIT = Duration.ofSeconds(40); // Cockpit on a loaded 2-core machine
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path EVIDENCE = Path.of("target", "browser-test");

    private final WebDriver driver;
    private final Path profile;
    private final WebDriverWait wait;

    private Browser(WebDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
        this.wait = new WebDriverWait(driver, WAIT, Duration.ofMillis(250));
    }

    /**
     * Skips the test when Chromium or its driver is missing; in CI (which installs {@code chromium} and
     * {@code chromium-driver}) a missing browser fails it instead.
     */
    public static void assumeInstalled() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            assertThat(installed).as("CI runs the browser tests: install chromium and chromium-driver (.ci/run does)")
                    .isTrue();
        }
        assumeTrue(installed, "no " + CHROMIUM + " or " + CHROMEDRIVER + ": browser test skipped");
    }

    /** A desktop browser window of 1400 × 2400. */
    public static Browser start() throws IOException {
        return start(1400, 2400);
    }

    /** A desktop browser window of this size. */
    public static Browser start(int width, int height) throws IOException {
        return launch(width, height, options -> {
        });
    }

    /** A phone: {@code width} × {@code height} CSS pixels, three device pixels each, touch. */
    public static Browser phone(int width, int height) throws IOException {
        return launch(width, height, options -> options.setExperimentalOption("mobileEmulation", Map.of(
                "deviceMetrics", Map.of("width", width, "height", height, "pixelRatio", 3.0, "touch", true))));
    }

    private static Browser launch(int width, int height, Consumer<ChromeOptions> device) throws IOException {
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
        Path profile = Files.createTempDirectory("browser-test-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=" + width + "," + height,
                "--lang=en-US");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
        device.accept(options);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        return new Browser(new ChromeDriver(service, options), profile);
    }

    public WebDriver driver() {
        return driver;
    }

    /** A wait of {@link #WAIT}, polling every 250 ms. */
    public WebDriverWait waiting() {
        return wait;
    }

    /**
     * Logs in on the webapps' login form. The form can still be re-rendering when the page seems
     * ready (seen on a loaded CI machine: both words went into the user field), so the fields are
     * filled, read back, and the whole step is tried again if they do not hold what was typed.
     */
    public void logIn(String user, String password) {
        for (int attempt = 1; ; attempt++) {
            WebElement name = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[type=text]")));
            WebElement secret = wait.until(ExpectedConditions.elementToBeClickable(
                    By.cssSelector("input[type=password]")));
            name.clear();
            name.sendKeys(user);
            secret.clear();
            secret.sendKeys(password);
            if (user.equals(name.getDomProperty("value")) && password.equals(secret.getDomProperty("value"))) {
                driver.findElement(By.cssSelector("button[type=submit]")).click();
                wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[type=password]")));
                return;
            }
            if (attempt == 3) {
                throw new AssertionError("the login form did not keep what was typed");
            }
        }
    }

    /** The error notifications the webapp shows now (Tasklist's form failures among them). */
    public List<String> failures() {
        return driver.findElements(By.cssSelector(".alert-danger, .notification.error, .alert.alert-error")).stream()
                .filter(Browser::displayed).map(Browser::text).filter(t -> !t.isBlank()).toList();
    }

    /**
     * Whether an element shows; one that the webapp re-rendered away meanwhile (stale) does not. Seen
     * on a loaded CI machine: Angular replaces the notification area while the test reads it.
     */
    public static boolean displayed(WebElement element) {
        try {
            return element.isDisplayed();
        } catch (StaleElementReferenceException gone) {
            return false;
        }
    }

    public static String text(WebElement element) {
        try {
            return element.getText();
        } catch (StaleElementReferenceException gone) {
            return "";
        }
    }

    /** Keeps a screenshot and the page source as {@code target/browser-test/<name>.png|.html}. */
    public void keep(String name) {
        try {
            Files.createDirectories(EVIDENCE);
            Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, EVIDENCE.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(EVIDENCE.resolve(name + ".html"), driver.getPageSource(), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            System.err.println("no screenshot " + name + ": " + e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
