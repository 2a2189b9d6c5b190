package nl.noordoostpolder.ivb.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.interactions.Actions;

import nl.noordoostpolder.ivb.testing.HeadlessChromium;
import nl.noordoostpolder.ivb.testing.SiteUnderTest;

/**
 * Full-page screenshots of the home, a theme, a trend and the timeline at 320 and 1280 px, light and dark (and the
 * first screen of a small phone with the menu folded and open), in
 * {@code target/screenshots/}, for a person to look at: a test can say that nothing overflows, not that a page looks
 * right.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScreenshotsIT {

    private static final Map<String, String> PAGES = Map.of(
            "home", "index.html",
            "theme", "themes/zorg-en-veiligheid.html",
            "trend", "trends/krapte-in-de-zorg.html",
            "timeline", "tijdlijn.html");
    private static final int[] WIDTHS = {320, 1280};
    private static final int MAX_HEIGHT = 12_000;

    private SiteBrowser browser;
    private Path folder;

    @BeforeAll
    void start() throws IOException {
        browser = new SiteBrowser();
        folder = SiteUnderTest.projectDir().resolve("target/screenshots");
        Files.createDirectories(folder);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void homeThemeTrendAndTimelineArePhotographedAtBothWidthsInLightAndDark() throws IOException {
        List<String> written = new ArrayList<>();
        for (String scheme : List.of("light", "dark")) {
            for (int width : WIDTHS) {
                for (Map.Entry<String, String> page : PAGES.entrySet()) {
                    Path file = folder.resolve(page.getKey() + "-" + width + ("dark".equals(scheme) ? "-dark" : "") + ".png");
                    BufferedImage image = fullPage(page.getValue(), width, scheme, file);
                    assertEquals(width, image.getWidth(), file + " has the wrong width");
                    assertTrue(image.getHeight() >= 400, file + " is suspiciously short: " + image.getHeight() + " px");
                    written.add(folder.relativize(file).toString());
                }
            }
        }
        System.out.println("Screenshots in " + folder + ": " + written);
    }

    @Test
    void thePrintVersionAndTheKeyboardFocusArePhotographedToo() throws IOException {
        browser.viewport(800, "light");
        browser.open(PAGES.get("trend"));
        browser.driver().executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            BufferedImage print = fullPage(null, 800, "light", folder.resolve("trend-print.png"));
            assertEquals(800, print.getWidth());
        } finally {
            browser.driver().executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }
        browser.viewport(1280, "light");
        browser.open(PAGES.get("trend"));
        Actions keys = new Actions(browser.driver());
        keys.sendKeys(Keys.TAB).perform();
        Files.write(folder.resolve("focus-skip-link-1280.png"), browser.driver().getScreenshotAs(OutputType.BYTES));
        for (int i = 0; i < 5; i++) {
            keys.sendKeys(Keys.TAB).perform();
        }
        Files.write(folder.resolve("focus-main-nav-1280.png"), browser.driver().getScreenshotAs(OutputType.BYTES));
        browser.driver().executeScript("const a = document.querySelector('.card__link'); a.focus({preventScroll: true}); a.scrollIntoView({block: 'center', behavior: 'instant'});");
        Files.write(folder.resolve("focus-card-1280.png"), browser.driver().getScreenshotAs(OutputType.BYTES));
    }

    /**
     * The first screen of a small phone (320 by 568 px) on a trend page: with the menu folded (the page's heading
     * should be on it), and open with the keyboard focus on the button, in light and dark.
     */
    @Test
    void theFirstScreenOfASmallPhoneIsPhotographedWithTheMenuFoldedAndOpen() throws IOException {
        List<String> written = new ArrayList<>();
        for (String scheme : List.of("light", "dark")) {
            String suffix = "dark".equals(scheme) ? "-dark" : "";
            browser.viewport(320, scheme);
            HeadlessChromium.viewport(browser.driver(), 320, 568);
            browser.open(PAGES.get("trend"));
            Path folded = folder.resolve("first-screen-320" + suffix + ".png");
            Files.write(folded, browser.driver().getScreenshotAs(OutputType.BYTES));
            browser.driver().executeScript("document.querySelector('.main-nav__toggle').focus();");
            new Actions(browser.driver()).sendKeys(Keys.ENTER).perform();
            assertEquals("true", browser.driver().executeScript(
                    "return document.querySelector('.main-nav__toggle').getAttribute('aria-expanded');"));
            Path open = folder.resolve("menu-open-320" + suffix + ".png");
            Files.write(open, browser.driver().getScreenshotAs(OutputType.BYTES));
            written.add(folder.relativize(folded) + ", " + folder.relativize(open));
        }
        browser.viewport(1280, "light");
        System.out.println("Screenshots in " + folder + ": " + written);
    }

    @Test
    void theFirstPagesOfTheWholePolicyArePhotographedAsPrinted() throws IOException {
        browser.viewport(800, "light");
        browser.open("volledig-beleid.html");
        browser.driver().executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            // the top of the printed document: the title, the contents list and the introduction (about 3 A4 pages)
            HeadlessChromium.viewport(browser.driver(), 800, 3400);
            byte[] png = browser.driver().getScreenshotAs(OutputType.BYTES);
            Path file = folder.resolve("whole-policy-print.png");
            Files.write(file, png);
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            assertEquals(800, image.getWidth());
            assertEquals(Boolean.TRUE, browser.driver().executeScript(
                    "return getComputedStyle(document.querySelector('.main-nav, .site-header nav') || document.body).display === 'none'"
                            + " || !document.querySelector('.main-nav');"), "no menu on paper");
            assertEquals("page", browser.driver().executeScript(
                    "return getComputedStyle(document.querySelectorAll('.whole__part')[1]).breakBefore;"),
                    "each part starts on a new page");
        } finally {
            browser.driver().executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
            HeadlessChromium.viewport(browser.driver(), 800, 800);
        }
    }

    /** A screenshot of the whole page; {@code page} null takes the page that is open. */
    private BufferedImage fullPage(String page, int width, String scheme, Path file) throws IOException {
        if (page != null) {
            browser.viewport(width, scheme);
            browser.open(page);
        }
        long height = ((Number) browser.driver().executeScript(
                "return Math.ceil(document.documentElement.getBoundingClientRect().height);")).longValue();
        int h = (int) Math.min(MAX_HEIGHT, Math.max(800, height));
        HeadlessChromium.viewport(browser.driver(), width, h);
        byte[] png = browser.driver().getScreenshotAs(OutputType.BYTES);
        HeadlessChromium.viewport(browser.driver(), width, 800);
        Files.write(file, png);
        return ImageIO.read(new ByteArrayInputStream(png));
    }
}
