package nl.noordoostpolder.ivb.hostile;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What no baked page may carry unless the templates ask for it: a script other than the site's own search script
 * on the search page, an event handler, a {@code javascript:}, {@code data:} or {@code vbscript:} address, a frame,
 * an object, or a redirect.
 */
final class SiteSafety {

    private static final Set<String> FORBIDDEN_ELEMENTS = Set.of("iframe", "frame", "frameset", "object", "embed",
            "applet", "svg", "math", "style", "link[rel=import]", "portal");
    private static final Set<String> FORBIDDEN_SCHEMES = Set.of("javascript", "data", "vbscript", "file");

    private SiteSafety() {
    }

    static void assertNoActiveContent(Path site) {
        List<String> findings = new ArrayList<>();
        String stylesheet = siteStylesheet(site);
        for (Path file : htmlFiles(site)) {
            String page = site.relativize(file).toString().replace('\\', '/');
            Document html = parse(file);
            for (Element el : html.getAllElements()) {
                inspect(page, el, stylesheet, findings);
            }
        }
        if (!findings.isEmpty()) {
            fail("the site carries active content the templates did not ask for:\n" + String.join("\n", findings));
        }
    }

    private static void inspect(String page, Element el, String stylesheet, List<String> findings) {
        String tag = el.normalName();
        if (tag.equals("style") && page.equals("404.html") && el.data().equals(stylesheet)) {
            return; // the 404 page carries the site's own stylesheet inline, so that it works at any address
        }
        if (tag.equals("script") && !isTemplateScript(page, el)) {
            findings.add(page + ": " + el.outerHtml());
        }
        if (FORBIDDEN_ELEMENTS.contains(tag) || (tag.equals("base") && !page.equals("404.html"))
                || (tag.equals("meta") && el.attr("http-equiv").equalsIgnoreCase("refresh"))) {
            findings.add(page + ": <" + tag + ">");
        }
        for (Attribute attribute : el.attributes()) {
            String name = attribute.getKey().toLowerCase(Locale.ROOT);
            if (name.startsWith("on")) {
                findings.add(page + ": event handler " + name + " on <" + tag + ">");
            }
            if (Set.of("href", "src", "action", "formaction", "srcset", "poster", "xlink:href").contains(name)) {
                String value = attribute.getValue().replaceAll("[\\x00-\\x20]", "").toLowerCase(Locale.ROOT);
                for (String scheme : FORBIDDEN_SCHEMES) {
                    if (value.startsWith(scheme + ":")) {
                        findings.add(page + ": " + name + "=\"" + attribute.getValue() + "\" on <" + tag + ">");
                    }
                }
            }
        }
    }

    /**
     * The scripts the templates ask for: the menu script on every page (from the page's way back to the site root,
     * or from the base path on the 404 page), the search script on the search page, and on the 404 page the inline
     * script that finds the site root, with exactly the text the build writes.
     */
    private static boolean isTemplateScript(String page, Element el) {
        if (el.hasAttr("src")) {
            String src = el.attr("src");
            boolean menu = src.matches("(\\.\\./)*js/menu\\.js") || page.equals("404.html") && src.matches("/([^/]+/)*js/menu\\.js");
            boolean search = page.equals("zoeken.html") && src.equals("js/search.js");
            return el.data().isBlank() && (menu || search);
        }
        return page.equals("404.html") && el.data().equals(SITE_ROOT_SCRIPT);
    }

    private static final String SITE_ROOT_SCRIPT = siteRootScript();

    /** The site's stylesheet as the 404 page inlines it; null when the site has none. */
    private static String siteStylesheet(Path site) {
        Path css = site.resolve("css/site.css");
        try {
            return Files.isRegularFile(css) ? Files.readString(css).replace("\r\n", "\n") : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String siteRootScript() {
        try (var in = SiteSafety.class.getResourceAsStream("/nl/noordoostpolder/ivb/render/site-root.js")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Path> htmlFiles(Path site) {
        try (Stream<Path> walk = Files.walk(site)) {
            return walk.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Document parse(Path file) {
        try {
            return Jsoup.parse(file.toFile(), "UTF-8");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
