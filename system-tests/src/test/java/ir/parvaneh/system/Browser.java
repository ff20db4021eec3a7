package ir.parvaneh.system;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;

/**
 * One person's browser: Debian's headless Chromium driven through its chromedriver (never a downloaded browser), in
 * a fresh profile so no two people share cookies, asking for Persian pages as a browser in Iran does. Screenshots go
 * to target/screenshots as build artefacts.
 */
final class Browser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String CHROMIUM = System.getProperty("parvaneh.chromium", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("parvaneh.chromedriver", "/usr/bin/chromedriver");

    final WebDriver driver;
    private final Path profile;

    Browser() throws IOException {
        profile = Files.createTempDirectory("parvaneh-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--lang=fa", "--window-size=1280,1000",
                "--user-data-dir=" + profile.toAbsolutePath());
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "fa,en"));
        // The driver Debian installs beside its Chromium: Selenium Manager is never asked to download one.
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    void open(String url) {
        driver.get(url);
    }

    WebElement find(String css) {
        return until(css);
    }

    WebElement until(String css) {
        return new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> {
            var found = d.findElements(By.cssSelector(css));
            return found.isEmpty() ? null : found.get(0);
        });
    }

    /** The page's address once the browser has gone to one containing {@code part} (after a form is sent). */
    String urlContaining(String part) {
        return new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(d -> d.getCurrentUrl().contains(part) ? d.getCurrentUrl() : null);
    }

    boolean present(String css) {
        return !driver.findElements(By.cssSelector(css)).isEmpty();
    }

    String text(String css) {
        return find(css).getText();
    }

    /** Signs in on the identity provider's own login page, which the portal has sent the browser to. */
    void signInAtKeycloak(String username, String screenshot) throws IOException {
        WebElement user = until("#username");
        if (screenshot != null) {
            screenshot(screenshot);
        }
        user.clear();
        user.sendKeys(username);
        driver.findElement(By.id("password")).sendKeys("parvaneh");
        driver.findElement(By.id("kc-login")).click();
    }

    void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    void phoneSized() {
        driver.manage().window().setSize(new Dimension(390, 844));
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}
