package org.familyjourney.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's /usr/bin/chromium through /usr/bin/chromedriver) signed in to
 * the app under test. Selenium Manager never runs: the driver and the browser are named explicitly,
 * and Chromium is told not to reach any network but ours. Each browser has its own fresh profile,
 * so two of them are two people.
 */
public final class Browser implements AutoCloseable {

    public static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private final WebDriver driver;
    private final int port;
    private final Path profile;

    public Browser(int port) {
        this.port = port;
        try {
            this.profile = Files.createTempDirectory("fj-chromium-");
            Files.createDirectories(SCREENSHOTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--disable-extensions", "--disable-default-apps", "--lang=en-GB",
                "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1280,1000");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of(CHROMEDRIVER).toFile())
                .usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    public static boolean available() {
        return Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER));
    }

    public WebDriver driver() {
        return driver;
    }

    public Browser open(String path) {
        driver.get("http://127.0.0.1:" + port + path);
        return this;
    }

    public Browser signIn(String username) {
        return signIn(username, By.cssSelector("section.tasklist"));
    }

    /** Signs in and waits for the page the person lands on (an auditor starts at the case search). */
    public Browser signIn(String username, By landing) {
        open("/login");
        type(By.id("username"), username);
        type(By.id("password"), TestApi.PASSWORD);
        driver.findElement(By.cssSelector("form button[type=submit].primary")).click();
        waitFor(landing);
        return this;
    }

    public WebElement type(By field, String text) {
        WebElement input = waitFor(field);
        input.clear();
        input.sendKeys(text);
        return input;
    }

    public WebElement waitFor(By what) {
        return new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.visibilityOfElementLocated(what));
    }

    public void waitForText(By what, String text) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.textToBePresentInElementLocated(what, text));
    }

    public void waitUntil(java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(condition::apply);
    }

    public String text(By what) {
        return waitFor(what).getText();
    }

    /** Saves the page as target/screenshots/{name}.png (full width, as tall as the page). */
    public Path screenshot(String name) {
        Dimension before = driver.manage().window().getSize();
        Object height = ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("return document.documentElement.scrollHeight");
        int tall = Math.min(Math.max(((Number) height).intValue() + 40, before.getHeight()), 4000);
        driver.manage().window().setSize(new Dimension(before.getWidth(), tall));
        try {
            Path shot = ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(before);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp profile left behind is harmless
        }
    }
}
