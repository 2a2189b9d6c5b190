package nl.noordoostpolder.ivb.convert;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;

import nl.noordoostpolder.ivb.source.SourceFile;
import nl.noordoostpolder.ivb.validate.Problems;
import nl.noordoostpolder.ivb.i18n.Messages;

/**
 * The allow-list for HTML in page bodies. Asciidoctor passes raw HTML through ({@code ++++} blocks, {@code pass:[]},
 * {@code link:javascript:...[]}); on a government site no page may carry a script, an event handler, a frame or a
 * request to another site. Every element and attribute of a converted body must be on this list; anything else is
 * reported with the line of the source that produced it.
 * <p>
 * Documented for editors in {@code docs/redactie.md}: the list is what Asciidoctor itself writes for headings,
 * lists, tables, links, images and notes, plus a few inline elements ({@code abbr}, {@code kbd}).
 */
public final class BodyPolicy {

    private static final Set<String> GLOBAL_ATTRIBUTES = Set.of("class", "id", "title", "lang", "role");
    private static final Map<String, Set<String>> ELEMENTS = Map.ofEntries(
            Map.entry("div", Set.of()), Map.entry("p", Set.of()), Map.entry("span", Set.of()),
            Map.entry("a", Set.of("href", "rel", "target")), Map.entry("br", Set.of()), Map.entry("hr", Set.of()),
            Map.entry("h2", Set.of()), Map.entry("h3", Set.of()), Map.entry("h4", Set.of()), Map.entry("h5", Set.of()),
            Map.entry("h6", Set.of()), Map.entry("ul", Set.of()), Map.entry("ol", Set.of("start", "type", "reversed")),
            Map.entry("li", Set.of()), Map.entry("dl", Set.of()), Map.entry("dt", Set.of()), Map.entry("dd", Set.of()),
            Map.entry("table", Set.of()), Map.entry("caption", Set.of()), Map.entry("colgroup", Set.of()),
            Map.entry("col", Set.of()), Map.entry("thead", Set.of()), Map.entry("tbody", Set.of()),
            Map.entry("tfoot", Set.of()), Map.entry("tr", Set.of()), Map.entry("th", Set.of("colspan", "rowspan", "scope")),
            Map.entry("td", Set.of("colspan", "rowspan")), Map.entry("pre", Set.of()), Map.entry("code", Set.of("data-lang")),
            Map.entry("em", Set.of()), Map.entry("strong", Set.of()), Map.entry("b", Set.of()), Map.entry("i", Set.of()),
            Map.entry("u", Set.of()), Map.entry("s", Set.of()), Map.entry("del", Set.of()), Map.entry("ins", Set.of()),
            Map.entry("mark", Set.of()), Map.entry("small", Set.of()), Map.entry("sub", Set.of()), Map.entry("sup", Set.of()),
            Map.entry("abbr", Set.of()), Map.entry("kbd", Set.of()), Map.entry("q", Set.of()), Map.entry("cite", Set.of()),
            Map.entry("blockquote", Set.of()), Map.entry("figure", Set.of()), Map.entry("figcaption", Set.of()),
            Map.entry("img", Set.of("src", "alt", "width", "height")));
    /** Elements Asciidoctor writes for a block macro, to find the source line when the HTML is not in the source. */
    private static final Map<String, String> MACROS = Map.of("<iframe", "video::", "<video", "video::",
            "<audio", "audio::");
    private static final Set<String> LINK_SCHEMES = Set.of("http", "https", "mailto", "tel");

    private BodyPolicy() {
    }

    /**
     * Checks a converted body and returns it cleaned of the harmless style attributes Asciidoctor writes on table
     * columns (the Content-Security-Policy forbids inline styles).
     */
    public static String check(String html, SourceFile source, Problems problems) {
        org.jsoup.nodes.Document fragment = Jsoup.parseBodyFragment(html);
        fragment.outputSettings().prettyPrint(false);
        return check(fragment.body(), source, problems) ? fragment.body().html() : html;
    }

    /**
     * Checks the parsed body {@code body} and removes from it the harmless style attributes Asciidoctor writes on
     * table columns; returns whether it removed any.
     */
    public static boolean check(Element body, SourceFile source, Problems problems) {
        boolean changed = false;
        for (Element el : body.getAllElements()) {
            if (el == body) {
                continue;
            }
            String tag = el.normalName();
            Set<String> allowed = ELEMENTS.get(tag);
            if (allowed == null) {
                report(source, "<" + tag, Messages.get("html.element", "<" + tag + ">"), problems);
                continue;
            }
            for (Attribute attribute : el.attributes().asList()) {
                String name = attribute.getKey().toLowerCase(Locale.ROOT);
                if (name.equals("style") && (tag.equals("col") || tag.equals("table") || tag.equals("td") || tag.equals("th"))
                        && !attribute.getValue().toLowerCase(Locale.ROOT).contains("url(")) {
                    el.removeAttr(attribute.getKey());
                    changed = true;
                } else if (name.equals("style") && tag.equals("div")
                        && attribute.getValue().toLowerCase(Locale.ROOT).contains("page-break")) {
                    report(source, "<<<", Messages.get("html.page-break"), problems);
                } else if (name.startsWith("on")) {
                    report(source, name, Messages.get("html.event-handler", name), problems);
                } else if (!GLOBAL_ATTRIBUTES.contains(name) && !allowed.contains(name)) {
                    report(source, name, Messages.get("html.attribute", name, "<" + tag + ">"), problems);
                } else if (name.equals("href")) {
                    checkLink(attribute.getValue(), source, problems);
                } else if (name.equals("src")) {
                    checkImage(attribute.getValue(), source, problems);
                }
            }
        }
        return changed;
    }

    private static void checkLink(String href, SourceFile source, Problems problems) {
        String scheme = scheme(href);
        if (scheme != null && !LINK_SCHEMES.contains(scheme)) {
            report(source, href.substring(0, Math.min(href.length(), 12)), Messages.get("html.link.scheme", abbreviate(href), scheme + ":"), problems);
        }
    }

    private static void checkImage(String src, SourceFile source, Problems problems) {
        if (scheme(src) != null || src.startsWith("//")) {
            report(source, src.substring(0, Math.min(src.length(), 12)), Messages.get("html.image.remote", abbreviate(src)), problems);
        }
    }

    private static String scheme(String url) {
        String trimmed = url.strip().replaceAll("[\\x00-\\x20]", "");
        int colon = trimmed.indexOf(':');
        if (colon <= 0) {
            return null;
        }
        String scheme = trimmed.substring(0, colon).toLowerCase(Locale.ROOT);
        return scheme.matches("[a-z][a-z0-9+.-]*") && trimmed.indexOf('/') != 0
                && (trimmed.indexOf('/') < 0 || trimmed.indexOf('/') > colon) ? scheme : null;
    }

    private static String abbreviate(String s) {
        String visible = s.replaceAll("\\p{Cntrl}", "?");
        return visible.length() > 60 ? visible.substring(0, 57) + "..." : visible;
    }

    private static int lineIgnoringCase(SourceFile source, String needle) {
        String lower = needle.toLowerCase(Locale.ROOT);
        for (int i = 0; i < source.lines().size(); i++) {
            if (source.lines().get(i).toLowerCase(Locale.ROOT).contains(lower)) {
                return i + 1;
            }
        }
        return 0;
    }

    private static void report(SourceFile source, String needle, String message, Problems problems) {
        int line = lineIgnoringCase(source, needle);
        if (line == 0 && MACROS.containsKey(needle)) {
            line = lineIgnoringCase(source, MACROS.get(needle));
        }
        if (line == 0) {
            line = Math.max(source.lineOf("++++"), source.lineOf("pass:"));
        }
        problems.add(source.path(), Math.max(1, line), message);
    }
}
