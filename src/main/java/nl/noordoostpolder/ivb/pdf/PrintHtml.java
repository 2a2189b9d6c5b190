package nl.noordoostpolder.ivb.pdf;

import java.util.ArrayList;
import java.util.List;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

/**
 * Prepares the print variant of the whole policy (rendered by {@code templates/whole-policy-pdf.peb}) for the PDF:
 * <ul>
 * <li>every link gets a title with its own words, which becomes its description in the PDF (see
 * {@link LinkAnnotationFixer});</li>
 * <li>links to pages of the site that the PDF does not contain become absolute links to the website when the build
 * knows the site's address ({@code --base-url}); without it the PDF cannot know where the website will be, so such a
 * link becomes plain text (its words stay, the link goes). Links within the text ({@code #...}) and to other sites
 * stay as they are;</li>
 * <li>the bookmarks (the PDF's outline) are written into the head, from the headings of the parts
 * ({@value #PART_TITLE}) and of the pages inside a part ({@value #CHAPTER_TITLE}, nested below their part).</li>
 * </ul>
 */
final class PrintHtml {

    /** The class of a part's heading (a theme, the sessions, ...) in the template. */
    static final String PART_TITLE = "whole__part-title";
    /** The class of the heading of a page inside a part (a trend, a session, a milestone). */
    static final String CHAPTER_TITLE = "whole__chapter-title";

    private PrintHtml() {
    }

    /** Rewrites {@code doc} in place; {@code baseUrl} is the site's address ending in {@code /}, or empty. */
    static void prepare(Document doc, String baseUrl) {
        for (Element link : doc.select("a[href]")) {
            describe(link);
            String href = link.attr("href");
            if (href.startsWith("#") || isAbsolute(href)) {
                continue;
            }
            if (baseUrl.isEmpty()) {
                unwrap(link);
            } else {
                link.attr("href", baseUrl + ("./".equals(href) ? "" : href));
            }
        }
        addBookmarks(doc);
    }

    /**
     * Gives a link a title with its own words (or its image's alt text), unless it has one: openhtmltopdf makes the
     * title the alternative text of the link in the PDF's structure, which {@link LinkAnnotationFixer} then also
     * writes as the link's description, without reading the text back from the page.
     */
    private static void describe(Element link) {
        if (!link.attr("title").isBlank()) {
            return;
        }
        String words = link.text().strip();
        if (words.isEmpty()) {
            words = link.select("img[alt]").eachAttr("alt").stream().filter(a -> !a.isBlank()).findFirst().orElse("");
        }
        if (!words.isEmpty()) {
            link.attr("title", words);
        }
    }

    private static boolean isAbsolute(String href) {
        return href.matches("(?i)^(https?|mailto|tel):.*");
    }

    /** Keeps the link's content and drops the link. */
    private static void unwrap(Element link) {
        if (link.childNodeSize() == 0) {
            link.replaceWith(new TextNode(link.text()));
        } else {
            link.unwrap();
        }
    }

    private static void addBookmarks(Document doc) {
        Element bookmarks = doc.head().appendElement("bookmarks");
        Element part = null;
        List<Element> headings = new ArrayList<>(doc.select("." + PART_TITLE + "[id], ." + CHAPTER_TITLE + "[id]"));
        for (Element heading : headings) {
            boolean chapter = heading.hasClass(CHAPTER_TITLE);
            Element parent = chapter && part != null ? part : bookmarks;
            Element bookmark = parent.appendElement("bookmark")
                    .attr("name", heading.text())
                    .attr("href", "#" + heading.id());
            if (!chapter) {
                part = bookmark;
            }
        }
    }
}
