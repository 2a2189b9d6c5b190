package nl.noordoostpolder.ivb.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import nl.noordoostpolder.ivb.testing.HeadlessChromium;
import nl.noordoostpolder.ivb.testing.SiteUnderTest;

/**
 * {@code java -jar target/ivb.jar serve} as an editor uses it, on a copy of the real site: an edit is served within
 * a measured time, a header error is reported while the old page stays, fixing it brings the page back, and an open
 * browser tab reloads by itself and shows the error over the page.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServeCommandIT {

    private static final String TREND = "content/trends/krapte-in-de-zorg.adoc";
    private static final String PAGE = "trends/krapte-in-de-zorg.html";
    private static final String SENTENCE = "In de zorg is er krapte: er is te weinig.";
    private static final int WARM_UP = 3;
    private static final int EDITS = 9;

    Path source;
    Process process;
    final List<String> output = new CopyOnWriteArrayList<>();
    int port;
    String current = SENTENCE;

    @BeforeAll
    void startPreview() throws Exception {
        source = SiteFolders.copySources(SiteUnderTest.projectDir(),
                Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "serve-it-"));
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        String jar = System.getProperty("ivb.jar", SiteUnderTest.projectDir().resolve("target/ivb.jar").toString());
        process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar,
                "serve", source.toString(), "--port", Integer.toString(port), "--lang", "en").redirectErrorStream(true).start();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    output.add(line);
                }
            } catch (IOException e) {
                output.add("(output ended: " + e + ")");
            }
        }, "serve-output");
        reader.setDaemon(true);
        reader.start();
        await(Duration.ofMinutes(4), () -> output.stream().anyMatch(l -> l.contains("Open http://127.0.0.1:" + port + "/"))
                || !process.isAlive(), "the preview to start");
        assertTrue(process.isAlive(), String.join("\n", output));
    }

    @AfterAll
    void stopPreview() throws Exception {
        if (process != null) {
            process.destroy();
            assertTrue(process.waitFor(20, TimeUnit.SECONDS), "the preview stops on SIGTERM");
        }
        if (source != null) {
            Generations.deleteTree(source);
        }
    }

    @Test
    @Order(1)
    void anEditIsServedWellWithinASecond() throws Exception {
        assertEquals(200, RawHttp.get(port, "/" + PAGE).status());
        for (int i = 1; i <= WARM_UP; i++) { // the first edits after start run on code the JIT has not compiled yet
            String text = "Opwarmen " + i + ".";
            setSentence(text);
            await(Duration.ofSeconds(20), () -> page().contains(text), "warm-up edit " + i + " to be served");
        }
        List<Long> millis = new ArrayList<>();
        for (int i = 1; i <= EDITS; i++) {
            String text = "Meting " + i + ": de zorg heeft te weinig mensen.";
            long start = System.nanoTime();
            setSentence(text);
            await(Duration.ofSeconds(10), () -> page().contains(text), "edit " + i + " to be served");
            millis.add((System.nanoTime() - start) / 1_000_000);
            Thread.sleep(300);
        }
        List<Long> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        long median = sorted.get(sorted.size() / 2);
        String report = "edit-to-served latency of " + EDITS + " edits of " + TREND + " after " + WARM_UP
                + " warm-up edits (write, then GET sees the text; load average "
                + String.format("%.1f", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage())
                + " on " + Runtime.getRuntime().availableProcessors() + " cores): median " + median + " ms, min " + sorted.get(0) + " ms, max " + sorted.get(sorted.size() - 1)
                + " ms, all " + millis;
        System.out.println(report);
        Files.writeString(Path.of(System.getProperty("java.io.tmpdir"), "preview-latency.txt"), report + "\n");
        assertTrue(median < 1000, report);
        assertTrue(sorted.get(sorted.size() - 1) < 5000, report);
    }

    @Test
    @Order(2)
    void aHeaderErrorIsReportedTheOldPageStaysAndTheFixBringsThePageBack() throws Exception {
        String before = page();
        replace(":jbake-theme: zorg-en-veiligheid", ":jbake-theme: zorg");
        setSentence("Deze zin mag niet verschijnen.");
        await(Duration.ofSeconds(10), () -> errors().contains("unknown theme"), "the error to be reported");
        String expected = TREND + ":6: error: unknown theme 'zorg' (known: crisisorganisatie, cybercrime";
        assertTrue(errors().contains(expected), errors());
        await(Duration.ofSeconds(5), () -> output.stream().anyMatch(l -> l.startsWith(expected)), "the terminal line");
        RawHttp.Response old = RawHttp.get(port, "/" + PAGE);
        assertEquals(200, old.status());
        assertEquals(before, old.text(), "the last good page is still served");

        replace(":jbake-theme: zorg\n", ":jbake-theme: zorg-en-veiligheid\n");
        setSentence("Hersteld: de zorg heeft te weinig mensen.");
        await(Duration.ofSeconds(10), () -> page().contains("Hersteld:"), "the fixed page");
        assertTrue(errors().contains("\"problems\":[]"), errors());
        assertTrue(process.isAlive());
    }

    @Test
    @Order(3)
    void aDeletedPageDisappearsFromTheSiteAndItsTheme() throws Exception {
        byte[] text = Files.readAllBytes(source.resolve(TREND));
        Files.delete(source.resolve(TREND));
        await(Duration.ofSeconds(10), () -> status(PAGE) == 404, "the deleted page to be gone");
        assertFalse(RawHttp.get(port, "/themes/zorg-en-veiligheid.html").text().contains("krapte-in-de-zorg.html"));
        Files.write(source.resolve(TREND), text);
        await(Duration.ofSeconds(10), () -> status(PAGE) == 200, "the page to come back");
    }

    @Test
    @Order(4)
    void anOpenTabReloadsByItselfAndShowsErrorsOverTheLastGoodPage() throws Exception {
        ChromeDriver browser = HeadlessChromium.start();
        try {
            browser.get("http://127.0.0.1:" + port + "/" + PAGE);
            until(() -> "connected".equals(browser.findElement(By.tagName("html")).getAttribute("data-preview")));
            browser.executeScript("window.notReloaded = true;");

            setSentence("Zonder te klikken bijgewerkt.");
            until(() -> mainText(browser).contains("Zonder te klikken bijgewerkt."));
            assertEquals(null, browser.executeScript("return window.notReloaded;"), "the page was reloaded");
            browser.executeScript("window.notReloaded = true;");

            replace(":jbake-order: 3", ":jbake-order: drie");
            until(() -> browser.findElements(By.id("ivb-preview-problems")).stream().anyMatch(WebElement::isDisplayed));
            WebElement overlay = browser.findElement(By.id("ivb-preview-problems"));
            assertTrue(overlay.getText().contains(TREND + ":7: error: ':jbake-order:' is 'drie'"), overlay.getText());
            assertEquals("alert", overlay.getAttribute("role"));
            assertTrue(mainText(browser).contains("Zonder te klikken bijgewerkt."),
                    "the last good page stays under the message");
            assertEquals(Boolean.TRUE, browser.executeScript("return window.notReloaded;"));

            replace(":jbake-order: drie", ":jbake-order: 3");
            until(() -> browser.findElements(By.id("ivb-preview-problems")).isEmpty());
        } finally {
            browser.quit();
        }
    }

    /** Polls the browser until {@code condition} holds; a page that is reloading may throw in between. */
    private void until(BooleanSupplier condition) throws InterruptedException {
        await(Duration.ofSeconds(15), () -> {
            try {
                return condition.getAsBoolean();
            } catch (RuntimeException reloading) {
                return false;
            }
        }, "the browser");
    }

    private static String mainText(ChromeDriver browser) {
        return browser.findElement(By.tagName("main")).getText();
    }

    private void setSentence(String sentence) throws IOException {
        replace(current, sentence);
        current = sentence;
    }

    private void replace(String from, String to) throws IOException {
        Path file = source.resolve(TREND);
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(text.contains(from), from);
        Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
    }

    private String page() {
        try {
            return RawHttp.get(port, "/" + PAGE).text();
        } catch (IOException e) {
            return "";
        }
    }

    private int status(String url) {
        try {
            return RawHttp.get(port, "/" + url).status();
        } catch (IOException e) {
            return -1;
        }
    }

    private String errors() {
        try {
            return RawHttp.get(port, PreviewServer.ERRORS_PATH).text();
        } catch (IOException e) {
            return "";
        }
    }

    private void await(Duration limit, BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                fail("timed out waiting for " + what + "; preview output:\n" + String.join("\n", output));
            }
            Thread.sleep(5);
        }
    }
}
