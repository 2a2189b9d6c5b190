package nl.noordoostpolder.ivb.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

/**
 * A keyboard user's walk through one page of each kind, with real Tab presses: the skip link comes first and leads
 * into the main content, then every link and field is reached once, in the order of the page, and each shows a
 * focus indicator that a sighted keyboard user can see.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeyboardIT {

    /**
     * Collects the elements the Tab key should reach, in document order, and their look without focus. An element
     * counts when it is rendered; the page uses no positive tabindex, so document order is tab order.
     */
    private static final String COLLECT = """
            const selector = 'a[href], button:not([disabled]), input:not([disabled]):not([type=hidden]), select, '
                + 'textarea, summary, [tabindex]:not([tabindex="-1"])';
            const shown = el => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
            const look = el => { const s = getComputedStyle(el);
                return {outline: s.outlineStyle + ' ' + s.outlineWidth + ' ' + s.outlineColor,
                        shadow: s.boxShadow, background: s.backgroundColor}; };
            if (document.activeElement && document.activeElement !== document.body) document.activeElement.blur();
            window.__tab = [...document.querySelectorAll(selector)].filter(shown);
            window.__before = window.__tab.map(look);
            return window.__tab.map(el => el.outerHTML.slice(0, 120));
            """;

    /** Describes the focused element: its place in the list, whether its focus is visible and where it is. */
    private static final String FOCUSED = """
            const el = document.activeElement;
            const i = window.__tab.indexOf(el);
            const s = getComputedStyle(el);
            const before = i >= 0 ? window.__before[i] : null;
            const transparent = c => c === 'transparent' || /rgba\\(.*,\\s*0\\)$/.test(c);
            const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2 && !transparent(s.outlineColor);
            const shadow = s.boxShadow !== 'none' && (!before || s.boxShadow !== before.shadow);
            const background = before && s.backgroundColor !== before.background && !transparent(s.backgroundColor);
            const r = el.getBoundingClientRect();
            return {index: i, html: el.outerHTML.slice(0, 120), visible: outline || shadow || background,
                    inView: r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth};
            """;

    private SiteBrowser browser;

    @BeforeAll
    void start() {
        browser = new SiteBrowser();
        browser.viewport(1280, "light");
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void tabReachesTheSkipLinkFirstAndThenEveryLinkInOrderWithAVisibleFocus() {
        List<String> failures = new ArrayList<>();
        int presses = 0;
        for (String page : new TreeMap<>(SiteBrowser.ONE_PAGE_PER_TYPE).values()) {
            browser.open(page);
            List<?> expected = (List<?>) browser.driver().executeScript(COLLECT);
            assertTrue(expected.size() > 10, page + ": too few focusable elements found: " + expected);
            for (int i = 0; i < expected.size(); i++) {
                tab();
                presses++;
                Map<?, ?> focused = focused();
                int index = ((Number) focused.get("index")).intValue();
                if (i == 0 && !String.valueOf(focused.get("html")).contains("skip-link")) {
                    failures.add(page + ": the first Tab reaches " + focused.get("html") + ", not the skip link");
                }
                if (index != i) {
                    failures.add(page + ": Tab " + (i + 1) + " reaches " + focused.get("html") + " instead of " + expected.get(i));
                    break;
                }
                if (!Boolean.TRUE.equals(focused.get("visible"))) {
                    failures.add(page + ": no visible focus indicator on " + focused.get("html"));
                }
                if (!Boolean.TRUE.equals(focused.get("inView"))) {
                    failures.add(page + ": the focused element is out of sight: " + focused.get("html"));
                }
            }
        }
        System.out.println("Keyboard: " + presses + " Tab presses on " + SiteBrowser.ONE_PAGE_PER_TYPE.size() + " pages");
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    /**
     * At 320 px the main menu is folded behind a real button: Tab reaches it right after the site's name, with a
     * visible focus and a target of at least 24 by 24 px; Enter opens it (aria-expanded), Tab then walks into the
     * list, Escape closes it and puts the focus back on the button, and Space opens and closes it too. At 1280 px
     * there is no button and the list always shows.
     */
    @Test
    void theMenuButtonOnASmallScreenOpensAndClosesByKeyboard() {
        browser.viewport(320, "light");
        try {
            browser.open("trends/krapte-in-de-zorg.html");
            assertEquals(false, menuShown(), "the menu starts folded at 320 px");
            browser.driver().executeScript(COLLECT);
            for (int i = 0; i < 4 && !focusedIsToggle(); i++) {
                tab();
            }
            assertTrue(focusedIsToggle(), "Tab does not reach the menu button right after the header: "
                    + focused().get("html"));
            assertEquals(Boolean.TRUE, focused().get("visible"), "the menu button shows no focus");
            Map<?, ?> box = (Map<?, ?>) browser.driver().executeScript("""
                    const b = document.activeElement, r = b.getBoundingClientRect();
                    return {width: r.width, height: r.height, expanded: b.getAttribute('aria-expanded'),
                            controls: b.getAttribute('aria-controls'), type: b.type, text: b.textContent,
                            list: document.getElementById(b.getAttribute('aria-controls'))?.className};""");
            assertTrue(((Number) box.get("width")).doubleValue() >= 24 && ((Number) box.get("height")).doubleValue() >= 24,
                    "target smaller than 24 px: " + box);
            assertEquals("false", box.get("expanded"));
            assertEquals("button", box.get("type"));
            assertEquals("Menu", box.get("text"));
            assertEquals("wrap main-nav__list", box.get("list"), "aria-controls names the list: " + box);

            press(Keys.ENTER);
            assertEquals("true", expanded());
            assertEquals(true, menuShown(), "Enter opens the menu");
            tab();
            assertEquals(Boolean.TRUE, browser.driver().executeScript(
                    "return document.activeElement.closest('.main-nav__list') !== null;"), "Tab walks into the open menu");
            press(Keys.ESCAPE);
            assertEquals("false", expanded());
            assertEquals(false, menuShown(), "Escape closes the menu");
            assertTrue(focusedIsToggle(), "Escape puts the focus back on the button");

            press(Keys.SPACE);
            assertEquals(true, menuShown(), "Space opens the menu");
            press(Keys.SPACE);
            assertEquals(false, menuShown(), "Space closes the menu");
        } finally {
            browser.viewport(1280, "light");
        }
        browser.open("trends/krapte-in-de-zorg.html");
        assertEquals(true, menuShown(), "at 1280 px the whole menu shows");
        assertEquals(Boolean.FALSE, browser.driver().executeScript(
                "return document.querySelector('.main-nav__toggle').getClientRects().length > 0;"), "no button at 1280 px");
    }

    private boolean focusedIsToggle() {
        return Boolean.TRUE.equals(browser.driver().executeScript(
                "return document.activeElement.matches('.main-nav__toggle');"));
    }

    private Object menuShown() {
        return browser.driver().executeScript(
                "return document.querySelector('.main-nav__list a').getClientRects().length > 0;");
    }

    private Object expanded() {
        return browser.driver().executeScript(
                "return document.querySelector('.main-nav__toggle').getAttribute('aria-expanded');");
    }

    private void press(Keys key) {
        new Actions(browser.driver()).sendKeys(key).perform();
    }

    @Test
    void theSkipLinkMovesFocusToTheMainContent() {
        browser.open("trends/krapte-in-de-zorg.html");
        tab();
        new Actions(browser.driver()).sendKeys(Keys.ENTER).perform();
        assertEquals("inhoud", browser.driver().executeScript("return document.activeElement.id;"));
        assertTrue(browser.driver().getCurrentUrl().endsWith("#inhoud"));
        tab();
        Object inMain = browser.driver().executeScript(
                "return document.querySelector('main').contains(document.activeElement) && document.activeElement.matches('a[href]');");
        assertEquals(Boolean.TRUE, inMain, "the Tab after the skip link should reach the first link in the main content");
    }

    @Test
    void aWideTableScrollsInARegionTheKeyboardCanReach() {
        browser.viewport(320, "light");
        try {
            browser.open("proces.html");
            Map<?, ?> region = (Map<?, ?>) browser.driver().executeScript("""
                    const r = document.querySelector('.page-body .table-scroll');
                    const t = r.querySelector('table');
                    t.style.minWidth = '900px';  // make the table wider than the screen, as a long table would be
                    return {tabindex: r.tabIndex, role: r.getAttribute('role'), name: r.getAttribute('aria-label'),
                            scrolls: r.scrollWidth > r.clientWidth, page: document.documentElement.scrollWidth};
                    """);
            assertEquals(0L, ((Number) region.get("tabindex")).longValue());
            assertEquals("region", region.get("role"));
            assertTrue(!String.valueOf(region.get("name")).isBlank(), "the region needs a name");
            assertEquals(Boolean.TRUE, region.get("scrolls"), "the table should scroll inside its region");
            assertTrue(((Number) region.get("page")).intValue() <= 320, "the page itself scrolls sideways: " + region);
            browser.driver().executeScript("document.querySelector('.page-body .table-scroll').focus();");
            new Actions(browser.driver()).sendKeys(Keys.ARROW_RIGHT).sendKeys(Keys.ARROW_RIGHT).perform();
            // Keyboard scrolling may be animated: wait for it rather than read at once.
            boolean scrolled = false;
            long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
            while (!scrolled && System.nanoTime() < deadline) {
                scrolled = ((Number) browser.driver().executeScript(
                        "return document.querySelector('.page-body .table-scroll').scrollLeft;")).intValue() > 0;
            }
            assertTrue(scrolled, "the arrow keys should scroll the focused table region");
        } finally {
            browser.viewport(1280, "light");
        }
    }

    /**
     * The focused element, once it has scrolled into view: with smooth scrolling (for people who have not asked for
     * less motion) the page glides to it, which takes a moment.
     */
    private Map<?, ?> focused() {
        long deadline = System.nanoTime() + 1_500_000_000L;
        Map<?, ?> focused = (Map<?, ?>) browser.driver().executeScript(FOCUSED);
        while (!Boolean.TRUE.equals(focused.get("inView")) && System.nanoTime() < deadline) {
            focused = (Map<?, ?>) browser.driver().executeScript(FOCUSED);
        }
        return focused;
    }

    private void tab() {
        new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
    }
}
