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
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Debian Chromium for a browser test (DESIGN.md, "Browser tests"): Debian's chromedriver and
 * browser binary are named, so Selenium Manager downloads nothing; a fresh profile per session, removed on
 * {@link #close()}. In CI a missing browser fails the test; elsewhere it skips it. Screenshots and page
 * sources go to {@code target/browser-test/}.
 */
public final class Browser implements AutoCloseable {

    public static final Path EVIDENCE = Path.of("target", "browser-test");
    private static final Path BINARY = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final List<String> FLAGS = List.of("--headless=new", "--no-sandbox", "--disable-gpu",
            "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--disable-dev-shm-usage", "--lang=en-US");

    private final Path profile;
    private final WebDriver driver;
    private final WebDriverWait wait;

    private Browser(Path profile, WebDriver driver, Duration patience) {
        this.profile = profile;
        this.driver = driver;
        this.wait = new WebDriverWait(driver, patience, Duration.ofMillis(250));
    }

    /** Skips the test (fails it in CI) when Chromium or its driver is missing. */
    public static void requireChromium() {
        boolean present = Files.isExecutable(BINARY) && Files.isExecutable(DRIVER);
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            assertThat(present).as("CI runs the browser tests: install chromium and chromium-driver").isTrue();
        }
        assumeTrue(present, "no " + BINARY + " or " + DRIVER + ": browser test skipped");
    }

    /** A browser window of the given size, waiting up to {@code patience} for what a test expects. */
    public static Browser open(int width, int height, Duration patience) throws IOException {
        Path profile = Files.createTempDirectory("browser-test-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY.toFile());
        options.addArguments(FLAGS);
        options.addArguments("--user-data-dir=" + profile, "--window-size=" + width + "," + height);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        return new Browser(profile, new ChromeDriver(service, options), patience);
    }

    public WebDriver driver() {
        return driver;
    }

    public WebDriverWait waiting() {
        return wait;
    }

    /**
     * Logs in on the webapps' login form ({@code input[type=text]}, {@code input[type=password]}). What was typed
     * is read back before submitting: a form still re-rendering can swallow it, and the step is tried again.
     */
    public void logIn(String user, String password) {
        for (int attempt = 1; attempt <= 3; attempt++) {
            WebElement name = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[type=text]")));
            WebElement secret = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[type=password]")));
            name.clear();
            name.sendKeys(user);
            secret.clear();
            secret.sendKeys(password);
            boolean kept = user.equals(name.getDomProperty("value")) && password.equals(secret.getDomProperty("value"));
            if (kept) {
                driver.findElement(By.cssSelector("button[type=submit]")).click();
                wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[type=password]")));
                return;
            }
        }
        throw new AssertionError("the login form did not keep what was typed");
    }

    /** A screenshot and the page source as {@code target/browser-test/<name>.png|.html}; never throws. */
    public void keep(String name) {
        try {
            Files.createDirectories(EVIDENCE);
            Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, EVIDENCE.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(EVIDENCE.resolve(name + ".html"), driver.getPageSource(), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            System.err.println("no evidence kept for " + name + ": " + e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        }
    }
}
