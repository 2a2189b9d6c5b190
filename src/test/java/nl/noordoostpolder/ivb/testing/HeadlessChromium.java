package nl.noordoostpolder.ivb.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium driven by Selenium, set up as {@code shared/notes/browser-testing.md} found to work here: the
 * driver path given explicitly (so Selenium Manager never runs), no background networking, every host name except
 * 127.0.0.1 unresolvable (so a page cannot reach another site, and a test notices if it tries), the profile under
 * {@code target/}.
 * <p>
 * The browser and driver paths come from {@code -Dchrome.binary} / {@code -Dchromedriver} (or the environment
 * variables {@code CHROME_BIN} / {@code CHROMEDRIVER}), with the Debian paths as defaults. Without a browser the test
 * is skipped with a message, except under CI ({@code CI=true}), where a missing browser fails.
 */
public final class HeadlessChromium {

    private HeadlessChromium() {
    }

    public static ChromeDriver start() {
        String binary = setting("chrome.binary", "CHROME_BIN", "/usr/bin/chromium");
        String driverPath = setting("chromedriver", "CHROMEDRIVER", "/usr/bin/chromedriver");
        boolean present = new File(binary).canExecute() && new File(driverPath).canExecute();
        if (!present && !"true".equals(System.getenv("CI"))) {
            Assumptions.abort("no Chromium at " + binary + " / " + driverPath
                    + "; install chromium and chromium-driver to run the browser tests");
        }
        try {
            Path profile = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "chromium-profile-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(binary);
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--user-data-dir=" + profile,
                    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1", "--window-size=1280,800");
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(driverPath)).build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
            return driver;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sets the exact viewport size (a window's viewport is smaller than the window). */
    public static void viewport(ChromeDriver driver, int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", width < 600));
    }

    /** Emulates {@code prefers-color-scheme: dark} (or light). */
    public static void colorScheme(ChromeDriver driver, String scheme) {
        driver.executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", java.util.List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
    }

    private static String setting(String property, String env, String fallback) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(env);
        }
        return value == null || value.isBlank() ? fallback : value;
    }
}
