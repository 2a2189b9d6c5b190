package nl.noordoostpolder.ivb.post;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

import nl.noordoostpolder.ivb.search.IndexedSection;
import nl.noordoostpolder.ivb.search.SectionExtractor;

/**
 * What the output steps need to know of one baked page, read from a single parse of its HTML: the ids a link can
 * point to, the links it holds, and the sections the search index is made of.
 * <p>
 * A page is read right after it is rendered, from the HTML in memory, on the thread that rendered it: parsing is
 * most of the cost of checking links and indexing, so doing it once, in parallel, and not from disk, keeps the steps
 * after the bake short. The preview keeps the reading of every page and reads again only the pages it renders again.
 *
 * @param url      the page's path from the site root, such as {@code trends/krapte.html}
 * @param ids      every {@code id} in the page
 * @param links    every address the page links to or loads, in document order
 * @param sections the searchable parts of the page, see {@link SectionExtractor}
 */
public record BakedPage(String url, Set<String> ids, List<PageLink> links, List<IndexedSection> sections) {

    /** The element that wraps the AsciiDoc body in every page template. */
    public static final String BODY_CLASS = "page-body";

    /** The elements that link to or load another file, with the attribute that names it. */
    private static final Map<String, String> ADDRESS_ATTRIBUTE = Map.of("a", "href", "link", "href", "script", "src",
            "img", "src", "source", "src", "iframe", "src", "form", "action");

    /** Parses {@code html} once and reads everything the output steps need from it. */
    public static BakedPage read(String url, String html) {
        Document document = Jsoup.parse(html);
        Reader reader = new Reader();
        NodeTraversor.traverse(reader, document);
        List<PageLink> links = reader.links.stream()
                .map(link -> new PageLink(link.value(), link.inBody(), link.mustBeLocal(), reader.baseHref))
                .toList();
        return new BakedPage(url, Set.copyOf(reader.ids), links, SectionExtractor.sections(document));
    }

    /** One walk over the page that collects the ids, the links (in the body or not) and the base address. */
    private static final class Reader implements NodeVisitor {
        private final Set<String> ids = new HashSet<>();
        private final List<PageLink> links = new ArrayList<>();
        private String baseHref;
        private int bodyDepth; // how many elements with BODY_CLASS the walk is inside

        @Override
        public void head(Node node, int depth) {
            if (!(node instanceof Element e)) {
                return;
            }
            if (e.hasClass(BODY_CLASS)) {
                bodyDepth++;
            }
            if (!e.id().isEmpty()) {
                ids.add(e.id());
            }
            if (baseHref == null && e.normalName().equals("base") && e.hasAttr("href")) {
                baseHref = e.attr("href");
            }
            String attribute = ADDRESS_ATTRIBUTE.get(e.normalName());
            if (attribute != null && e.hasAttr(attribute)) {
                links.add(new PageLink(e.attr(attribute), bodyDepth > 0, mustBeLocal(e), null));
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (node instanceof Element e && e.hasClass(BODY_CLASS)) {
                bodyDepth--;
            }
        }
    }

    /** Whether the element loads what it names (a script, an image), which must then come from this site. */
    private static boolean mustBeLocal(Element e) {
        if (e.normalName().equals("a")) {
            return false;
        }
        return !(e.normalName().equals("link") && e.attr("rel").matches("canonical|alternate"));
    }
}
