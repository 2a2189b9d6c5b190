package nl.noordoostpolder.ivb.whole;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * Fits the body of one page into the whole policy: its headings move down below the page's own heading, its ids get
 * the page's prefix (two pages may both have a section "In het kort"), and its links are rewritten for a page at the
 * site root. A link to a page the text includes points to that page's heading ({@code #trends-x}, or
 * {@code #trends-x--_section} for a section of it); a link to any other page of the site stays a relative link to
 * that page; links to other sites and e-mail addresses are left alone.
 */
final class BodyRewriter {

    /** Attributes that hold the ids of other elements, which must follow their renamed ids. */
    private static final String[] ID_REFERENCES = {"aria-labelledby", "aria-describedby", "aria-controls", "for", "headers"};
    private static final String SITE = "https://site.invalid/";

    private final String pageUrl;
    private final String prefix;
    private final Map<String, String> anchors;
    private final int shift;

    /**
     * @param pageUrl the page's own address, against which its relative links are resolved
     * @param prefix  the id of the page's heading in the text, put before each of its own ids
     * @param anchors the included pages by address, to the id of their heading
     * @param shift   how many levels the body's headings move down (h2 becomes h3 for 1)
     */
    BodyRewriter(String pageUrl, String prefix, Map<String, String> anchors, int shift) {
        this.pageUrl = pageUrl;
        this.prefix = prefix;
        this.anchors = anchors;
        this.shift = shift;
    }

    /** The id a page's own id gets in the text. */
    static String prefixed(String prefix, String id) {
        return prefix + "--" + id;
    }

    String rewrite(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        org.jsoup.nodes.Document fragment = Jsoup.parseBodyFragment(body);
        fragment.outputSettings().prettyPrint(false);
        Element root = fragment.body();
        for (Element heading : root.select("h1, h2, h3, h4, h5, h6")) {
            int level = heading.tagName().charAt(1) - '0';
            heading.tagName("h" + Math.min(6, level + shift));
        }
        for (Element element : root.select("[id]")) {
            element.id(prefixed(prefix, element.id()));
        }
        for (String attribute : ID_REFERENCES) {
            for (Element element : root.select("[" + attribute + "]")) {
                element.attr(attribute, Arrays.stream(element.attr(attribute).trim().split("\\s+"))
                        .map(id -> prefixed(prefix, id)).collect(Collectors.joining(" ")));
            }
        }
        for (Element link : root.select("a[href]")) {
            link.attr("href", target(link.attr("href")));
        }
        for (Element image : root.select("img[src]")) {
            image.attr("src", fromRoot(image.attr("src")));
        }
        return root.html();
    }

    /** Where a link of this page points in the whole text. */
    String target(String href) {
        if (href.startsWith("#")) {
            return href.length() == 1 ? "#" + prefix : "#" + prefixed(prefix, href.substring(1));
        }
        URI resolved = resolve(href);
        if (resolved == null) {
            return href;
        }
        String path = resolved.getRawPath().substring(1);
        String fragment = resolved.getRawFragment();
        String anchor = anchors.get(path.isEmpty() ? "index.html" : path);
        if (anchor != null) {
            return "#" + (fragment == null || fragment.isEmpty() ? anchor : prefixed(anchor, fragment));
        }
        return path.isEmpty() ? "./" + (fragment == null ? "" : "#" + fragment)
                : path + (resolved.getRawQuery() == null ? "" : "?" + resolved.getRawQuery())
                + (fragment == null ? "" : "#" + fragment);
    }

    /** A relative address of this page as seen from the site root; other addresses unchanged. */
    private String fromRoot(String src) {
        URI resolved = resolve(src);
        return resolved == null ? src : resolved.getRawPath().substring(1);
    }

    /** The address within the site a relative link of this page points to, or null for anything else. */
    private URI resolve(String href) {
        try {
            URI uri = new URI(href.strip());
            if (uri.isAbsolute() || uri.getRawAuthority() != null) {
                return null;
            }
            URI resolved = new URI(SITE).resolve(new URI(null, null, pageUrl, null)).resolve(uri);
            String text = resolved.toString();
            return text.startsWith(SITE) ? resolved : null;
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }
}
