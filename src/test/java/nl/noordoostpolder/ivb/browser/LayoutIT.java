package nl.noordoostpolder.ivb.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import nl.noordoostpolder.ivb.testing.SiteUnderTest;

/**
 * What the stylesheet promises beyond what axe checks: no sideways scrolling at 320 px on any page (WCAG 1.4.10),
 * text that grows with the browser's text size to 200 % without breaking the layout (1.4.4), a print version without
 * navigation that shows where links go, and no smooth scrolling for people who ask for less motion.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LayoutIT {

    private static final String OVERFLOW = """
            const w = document.documentElement.clientWidth;
            const wide = [...document.querySelectorAll('body *')].filter(el => {
                const r = el.getBoundingClientRect();
                return r.width > 0 && (r.right > w + 1 || r.left < -1) && !el.closest('.table-scroll, .skip-link, .visually-hidden');
            }).map(el => el.tagName.toLowerCase() + (el.className ? '.' + el.className : '') + ' ' + Math.round(el.getBoundingClientRect().right));
            return {scrollWidth: document.documentElement.scrollWidth, width: w, wide: wide.slice(0, 5)};
            """;

    private SiteBrowser browser;

    @BeforeAll
    void start() {
        browser = new SiteBrowser();
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void noPageScrollsSidewaysAt320PxWide() {
        browser.viewport(320, "light");
        List<String> failures = new ArrayList<>();
        for (String page : browser.allPages()) {
            browser.open(page);
            Map<?, ?> result = (Map<?, ?>) browser.driver().executeScript(OVERFLOW);
            if (((Number) result.get("scrollWidth")).intValue() > 320 || !((List<?>) result.get("wide")).isEmpty()) {
                failures.add(page + ": " + result);
            }
        }
        browser.viewport(1280, "light");
        assertTrue(failures.isEmpty(), "pages wider than 320 px:\n" + String.join("\n", failures));
    }

    @Test
    void textAtTwiceTheSizeStillFitsWithoutSidewaysScrolling() {
        List<String> failures = new ArrayList<>();
        for (int width : new int[] {1280, 640}) {
            browser.viewport(width, "light");
            for (String page : SiteBrowser.ONE_PAGE_PER_TYPE.values()) {
                browser.open(page);
                double before = fontSize("body");
                browser.driver().executeScript("document.documentElement.style.fontSize = '200%';");
                double after = fontSize("body");
                if (Math.abs(after - 2 * before) > 0.5) {
                    failures.add(page + ": body text went from " + before + " to " + after + " px, not twice as big");
                }
                if (Math.abs(fontSize("h1") - 2 * fontSizeAtDefault(page, "h1")) > 1) {
                    failures.add(page + ": the h1 does not grow with the text size");
                }
                browser.driver().executeScript("document.documentElement.style.fontSize = '200%';");
                Map<?, ?> result = (Map<?, ?>) browser.driver().executeScript(OVERFLOW);
                if (((Number) result.get("scrollWidth")).intValue() > width) {
                    failures.add(page + " at " + width + " px and 200 % text: " + result);
                }
            }
        }
        browser.viewport(1280, "light");
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void printingLeavesOutTheNavigationAndShowsWhereLinksGo() throws Exception {
        browser.viewport(1280, "light");
        browser.open("trends/krapte-in-de-zorg.html");
        media("print");
        try {
            Map<?, ?> print = (Map<?, ?>) browser.driver().executeScript("""
                    const shown = sel => [...document.querySelectorAll(sel)].filter(e => getComputedStyle(e).display !== 'none').length;
                    const link = document.querySelector('.page-body a[href$=".html"]');
                    return {nav: shown('nav'), skip: shown('.skip-link'), search: shown('.site-search'),
                            h1: shown('h1'), body: shown('.page-body'),
                            href: link.getAttribute('href'), after: getComputedStyle(link, '::after').content};
                    """);
            assertEquals(0L, ((Number) print.get("nav")).longValue(), "navigation is printed: " + print);
            assertEquals(0L, ((Number) print.get("skip")).longValue(), "the skip link is printed");
            assertEquals(0L, ((Number) print.get("search")).longValue(), "the search box is printed");
            assertEquals(1L, ((Number) print.get("h1")).longValue(), "the title is not printed");
            assertEquals(1L, ((Number) print.get("body")).longValue(), "the text is not printed");
            assertTrue(String.valueOf(print.get("after")).contains((String) print.get("href")),
                    "a printed link does not show its address: " + print);
            Map<String, Object> pdf = browser.driver().executeCdpCommand("Page.printToPDF",
                    Map.of("printBackground", true, "preferCSSPageSize", true));
            Path file = SiteUnderTest.projectDir().resolve("target/screenshots/trend-print.pdf");
            Files.createDirectories(file.getParent());
            Files.write(file, Base64.getDecoder().decode((String) pdf.get("data")));
        } finally {
            media("");
        }
    }

    @Test
    void smoothScrollingOnlyForPeopleWhoHaveNotAskedForLessMotion() {
        browser.open("proces.html");
        assertEquals("smooth", scrollBehavior("no-preference"));
        assertEquals("auto", scrollBehavior("reduce"));
        browser.driver().executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of()));
    }

    private String scrollBehavior(String motion) {
        browser.driver().executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-reduced-motion", "value", motion))));
        return (String) browser.driver().executeScript("return getComputedStyle(document.documentElement).scrollBehavior;");
    }

    private void media(String type) {
        browser.driver().executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", type));
    }

    private double fontSize(String selector) {
        return ((Number) browser.driver().executeScript(
                "return parseFloat(getComputedStyle(document.querySelector(arguments[0])).fontSize);", selector)).doubleValue();
    }

    private double fontSizeAtDefault(String page, String selector) {
        browser.driver().executeScript("document.documentElement.style.fontSize = '';");
        double size = fontSize(selector);
        browser.driver().executeScript("document.documentElement.style.fontSize = '200%';");
        return size;
    }
}
