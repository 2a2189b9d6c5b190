package nl.noordoostpolder.ivb.convert;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * Puts every AsciiDoc table of a page body in a scroll region that a keyboard can reach.
 * <p>
 * At 320 px a wide table must scroll on its own instead of making the whole page scroll sideways (WCAG 1.4.10
 * Reflow). A region that scrolls must be focusable, or keyboard users cannot scroll it (WCAG 2.1.1); it also needs a
 * name, so a screen reader announces what the stop is. The Content-Security-Policy allows no inline script, so the
 * wrapper is written here, once per bake, rather than added by a script in the browser:
 * {@code <div class="table-scroll" role="region" tabindex="0" aria-label="...">}. The stylesheet gives it
 * {@code overflow-x: auto} and a focus ring.
 */
public final class ScrollableTables {

    /** The class of the wrapper; the stylesheet and the tests use it. */
    public static final String WRAPPER_CLASS = "table-scroll";

    private ScrollableTables() {
    }

    /** Returns {@code html} with each {@code table.tableblock} wrapped; unchanged when there is none. */
    public static String wrap(String html) {
        if (!html.contains("tableblock")) {
            return html;
        }
        org.jsoup.nodes.Document fragment = Jsoup.parseBodyFragment(html);
        fragment.outputSettings().prettyPrint(false);
        return wrap(fragment.body()) ? fragment.body().html() : html;
    }

    /** Wraps each {@code table.tableblock} under {@code body} that is not wrapped yet; returns whether it wrapped any. */
    public static boolean wrap(Element body) {
        Elements tables = body.select("table.tableblock");
        int number = 0;
        boolean changed = false;
        for (Element table : tables) {
            number++;
            if (table.parent() != null && table.parent().hasClass(WRAPPER_CLASS)) {
                continue;
            }
            table.wrap("<div class=\"" + WRAPPER_CLASS + "\" role=\"region\" tabindex=\"0\"></div>");
            table.parent().attr("aria-label", label(table, number, tables.size()));
            changed = true;
        }
        return changed;
    }

    /** The table's caption, or "Tabel" (numbered when a page has more than one). */
    private static String label(Element table, int number, int count) {
        Element caption = table.selectFirst("> caption");
        if (caption != null && !caption.text().isBlank()) {
            return caption.text().strip();
        }
        return count > 1 ? "Tabel " + number : "Tabel";
    }
}
