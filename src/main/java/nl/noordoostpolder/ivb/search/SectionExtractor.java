package nl.noordoostpolder.ivb.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;

import nl.noordoostpolder.ivb.post.BakedPage;

/**
 * Cuts a baked page into the parts a reader can land on: the opening (lead and the text before the first heading)
 * and one part per heading with an {@code id} inside the page body.
 * <p>
 * Only the page header's lead, the introduction of a page the site makes itself (class {@code page-intro}: what an
 * overview lists, without the list) and the element with class {@code page-body} are read. Everything a template adds
 * around them (site header, menus, breadcrumbs, contents list, lists of related pages, footer) is chrome that would
 * make every page match the same words, so it is left out; so are navigation, scripts and hidden elements inside the
 * body.
 */
public final class SectionExtractor {

    /** The element that wraps the converted AsciiDoc body in every page template. */
    static final String BODY_SELECTOR = "." + BakedPage.BODY_CLASS;
    static final String LEAD_SELECTOR = "main .page-header .lead";
    /** The introduction of an overview page (themes, trends, sessions, timeline, A-Z), above its list of links. */
    static final String INTRO_SELECTOR = "main .page-intro";

    private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");
    private static final Set<String> SKIPPED = Set.of("nav", "script", "style", "template", "noscript", "svg",
            "button", "form");
    private static final Set<String> INLINE = Set.of("a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn",
            "em", "i", "kbd", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var",
            "wbr");

    private SectionExtractor() {
    }

    /** The parts of one page, opening first; parts without heading and text are dropped. */
    public static List<IndexedSection> sections(Document html) {
        Element lead = html.selectFirst(LEAD_SELECTOR);
        Element body = html.selectFirst(BODY_SELECTOR);
        Collector collector = new Collector(lead == null ? "" : lead.text());
        for (Element intro : html.select(INTRO_SELECTOR)) {
            intro.filter(collector);
        }
        if (body != null) {
            body.filter(collector);
        }
        return collector.finish();
    }

    /** Walks the body in document order and starts a new part at every heading with an id. */
    private static final class Collector implements NodeFilter {

        private final List<IndexedSection> sections = new ArrayList<>();
        private String fragment = "";
        private String heading = "";
        private final StringBuilder text = new StringBuilder();

        Collector(String lead) {
            text.append(lead);
        }

        @Override
        public FilterResult head(Node node, int depth) {
            if (node instanceof TextNode t) {
                text.append(t.getWholeText());
                return FilterResult.CONTINUE;
            }
            if (!(node instanceof Element e)) {
                return FilterResult.CONTINUE;
            }
            if (isSkipped(e)) {
                return FilterResult.SKIP_ENTIRELY;
            }
            if (HEADINGS.contains(e.normalName())) {
                if (e.id().isEmpty()) {
                    // a heading without id stays part of the text of the section it is in
                    text.append(' ').append(e.text()).append(' ');
                } else {
                    flush();
                    fragment = e.id();
                    heading = e.text();
                }
                return FilterResult.SKIP_CHILDREN;
            }
            if (e.normalName().equals("img") && !e.attr("alt").isBlank()) {
                text.append(' ').append(e.attr("alt")).append(' ');
            }
            if (!INLINE.contains(e.normalName())) {
                text.append(' ');
            }
            return FilterResult.CONTINUE;
        }

        @Override
        public FilterResult tail(Node node, int depth) {
            if (node instanceof Element e && !INLINE.contains(e.normalName())) {
                text.append(' ');
            }
            return FilterResult.CONTINUE;
        }

        private static boolean isSkipped(Element e) {
            return SKIPPED.contains(e.normalName()) || e.hasAttr("hidden")
                    || "true".equals(e.attr("aria-hidden")) || e.id().equals("toc") || e.hasClass("toc");
        }

        private void flush() {
            IndexedSection section = new IndexedSection(fragment, heading, collapse(text));
            if (!section.isEmpty()) {
                sections.add(section);
            }
            text.setLength(0);
        }

        List<IndexedSection> finish() {
            flush();
            return List.copyOf(sections);
        }
    }

    static String collapse(CharSequence s) {
        return s.toString().replaceAll("[\\s\\u00A0]+", " ").strip();
    }
}
