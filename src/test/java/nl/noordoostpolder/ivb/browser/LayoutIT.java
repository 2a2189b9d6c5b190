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

import nl.noordoostpolder.ivb.testing.HeadlessChromium;
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

    /**
     * On a small phone (320 by 568 px, the smallest screen in common use) the menu is folded behind its button into
     * one bar of at most 80 px (the open list is some 330 px: seven rows of links), and the page's own heading starts
     * within the first 400 px, so its first line and more are on the first screen. Measured on one page of each kind,
     * with the menu folded and open; nothing is wider than the screen with the menu open.
     */
    @Test
    void theFirstHeadingIsOnTheFirstScreenOfASmallPhone() {
        HeadlessChromium.viewport(browser.driver(), 320, 568);
        List<String> failures = new ArrayList<>();
        List<String> measured = new ArrayList<>();
        for (String page : new java.util.TreeMap<>(SiteBrowser.ONE_PAGE_PER_TYPE).values()) {
            browser.open(page);
            Map<?, ?> folded = (Map<?, ?>) browser.driver().executeScript(HEADING);
            browser.driver().executeScript("document.querySelector('.main-nav__toggle').click();");
            Map<?, ?> open = (Map<?, ?>) browser.driver().executeScript(HEADING);
            Map<?, ?> overflow = (Map<?, ?>) browser.driver().executeScript(OVERFLOW);
            int top = ((Number) folded.get("top")).intValue();
            measured.add(page + " " + top + " px (menu open: " + open.get("top") + " px; menu " + folded.get("nav")
                    + " px folded, " + open.get("nav") + " px open)");
            if (!Boolean.TRUE.equals(folded.get("button")) || top > 400 || ((Number) folded.get("nav")).intValue() > 80) {
                failures.add(page + ": h1 at " + top + " px, menu " + folded.get("nav") + " px high, button shown: "
                        + folded.get("button"));
            }
            if (((Number) open.get("top")).intValue() <= top) {
                failures.add(page + ": opening the menu did not show the list above the heading");
            }
            if (((Number) overflow.get("scrollWidth")).intValue() > 320 || !((List<?>) overflow.get("wide")).isEmpty()) {
                failures.add(page + ": wider than 320 px with the menu open: " + overflow);
            }
        }
        browser.viewport(1280, "light");
        System.out.println("First heading at 320 x 568: " + measured);
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    private static final String HEADING = """
            const h1 = document.querySelector('main h1');
            const button = document.querySelector('.main-nav__toggle');
            return {top: Math.round(h1.getBoundingClientRect().top + scrollY),
                    nav: Math.round(document.querySelector('.main-nav').getBoundingClientRect().height),
                    button: !!button && button.getClientRects().length > 0};
            """;

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
