package nl.noordoostpolder.ivb.publish;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Crawls a site over plain HTTP, as a visitor's browser would resolve its addresses, without a browser: from a start
 * page it follows every {@code href}, {@code src}, {@code srcset} and form {@code action} of every HTML page and every
 * {@code url()} of every stylesheet, and records each problem a visitor would meet:
 * <ul>
 *   <li>an address on this server that does not answer 200 (a broken link, stylesheet, script or image);</li>
 *   <li>an address on this server outside the site's prefix (the link escapes {@code /repo/});</li>
 *   <li>a stylesheet, script, image or frame from another origin (a third-party request);</li>
 *   <li>a {@code #fragment} that names no element of its page.</li>
 * </ul>
 * Links ({@code <a>}, canonical and alternate links) to other sites are recorded, not followed. Absolute addresses
 * that start with the site's configured base URL are read as addresses on this server, so that a site baked for
 * {@code https://example.org/a/b/} can be crawled at {@code http://127.0.0.1:port/a/b/}.
 */
final class SiteCrawler {

    /** Static ES module imports: {@code import x from './y.js'}, {@code import { a } from "../z.js"}. */
    private static final Pattern JS_IMPORT = Pattern.compile("\\bimport\\s*(?:[^'\"();]*?\\bfrom\\s*)?['\"]([^'\"]+)['\"]");
    private static final Pattern CSS_URL = Pattern.compile("url\\(\\s*['\"]?([^'\")]+)['\"]?\\s*\\)|@import\\s+['\"]([^'\"]+)['\"]");

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final URI siteRoot;
    private final String configuredBaseUrl;
    private final Map<URI, Fetched> fetched = new HashMap<>();
    private final Set<String> problems = new TreeSet<>();
    private final Set<String> otherSites = new TreeSet<>();

    /** A response: status, content type and body. */
    record Fetched(int status, String contentType, String body) {

        boolean isHtml() {
            return contentType.startsWith("text/html");
        }
    }

    /**
     * @param siteRoot the address the site is served at, ending in {@code /}
     * @param configuredBaseUrl the base URL the site was baked for, or empty
     */
    SiteCrawler(String siteRoot, String configuredBaseUrl) {
        this.siteRoot = URI.create(siteRoot);
        this.configuredBaseUrl = configuredBaseUrl == null ? "" : configuredBaseUrl;
    }

    /** Crawls every page reachable from {@code start}; returns the HTML pages found, by path. */
    Set<String> crawl(URI start) {
        Set<String> pages = new TreeSet<>();
        Deque<URI> queue = new ArrayDeque<>(List.of(start));
        Set<URI> seen = new LinkedHashSet<>(List.of(start));
        while (!queue.isEmpty()) {
            URI url = queue.poll();
            Fetched response = fetch(url);
            if (response.status() != 200) {
                continue; // reported where it is linked from
            }
            if (response.isHtml()) {
                pages.add(url.getPath());
            }
            for (URI next : check(url, response)) {
                if (seen.add(next)) {
                    queue.add(next);
                }
            }
        }
        return pages;
    }

    /**
     * Checks every address one response refers to (resolved against {@code url}, as a browser does); returns those on
     * this server to crawl further.
     */
    List<URI> check(URI url, Fetched response) {
        List<URI> local = new ArrayList<>();
        if (url.getPath().endsWith(".js")) {
            Matcher m = JS_IMPORT.matcher(response.body());
            while (m.find()) {
                follow(url, "script " + url.getPath(), m.group(1), true, local);
            }
            return local;
        }
        if (response.contentType().startsWith("text/css")) {
            Matcher m = CSS_URL.matcher(response.body());
            while (m.find()) {
                String ref = m.group(1) != null ? m.group(1) : m.group(2);
                if (!ref.startsWith("data:")) {
                    follow(url, "stylesheet " + url.getPath(), ref, true, local);
                }
            }
            return local;
        }
        if (!response.isHtml()) {
            return local;
        }
        Document html = Jsoup.parse(response.body(), url.toString());
        URI base = url;
        Element baseElement = html.selectFirst("base[href]");
        if (baseElement != null) {
            base = url.resolve(baseElement.attr("href"));
        }
        for (Element e : html.select("[data-index], [data-index-plain]")) {
            for (String attr : List.of("data-index", "data-index-plain")) {
                if (e.hasAttr(attr)) {
                    follow(base, url.getPath() + " <" + e.normalName() + " " + attr + ">", e.attr(attr).strip(), true, local);
                }
            }
        }
        for (Element e : html.select("[href], [src], [srcset], form[action], object[data], video[poster]")) {
            boolean resource = !e.normalName().equals("a") && !e.normalName().equals("form")
                    && !(e.normalName().equals("link") && e.attr("rel").matches("(?i).*\\b(canonical|alternate)\\b.*"));
            String where = url.getPath() + " <" + e.normalName() + ">";
            for (String attr : List.of("href", "src", "action", "data", "poster")) {
                if (e.hasAttr(attr)) {
                    String value = e.attr(attr).strip();
                    if (value.startsWith("#")) {
                        checkFragment(html, value.substring(1), where);
                    } else {
                        follow(base, where, value, resource, local);
                    }
                }
            }
            if (e.hasAttr("srcset")) {
                for (String candidate : e.attr("srcset").split(",")) {
                    String value = candidate.strip().split("\\s+")[0];
                    if (!value.isEmpty()) {
                        follow(base, where, value, true, local);
                    }
                }
            }
        }
        return local;
    }

    private void follow(URI base, String where, String value, boolean resource, List<URI> local) {
        URI target;
        try {
            String translated = !configuredBaseUrl.isEmpty() && value.startsWith(configuredBaseUrl)
                    ? siteRoot + value.substring(configuredBaseUrl.length()) : value;
            target = base.resolve(new URI(translated));
        } catch (IllegalArgumentException | java.net.URISyntaxException e) {
            problems.add(where + ": '" + value + "' is not a valid address");
            return;
        }
        String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (scheme.equals("javascript")) {
            problems.add(where + ": javascript: address '" + value + "'");
            return;
        }
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return; // mailto:, tel:
        }
        boolean sameOrigin = scheme.equals(siteRoot.getScheme()) && siteRoot.getAuthority().equals(target.getAuthority());
        if (!sameOrigin) {
            if (resource) {
                problems.add(where + ": loads '" + value + "' from another site");
            } else {
                otherSites.add(value);
            }
            return;
        }
        if (!target.getPath().startsWith(siteRoot.getPath())) {
            problems.add(where + ": '" + value + "' leaves the site's folder " + siteRoot.getPath()
                    + " (goes to " + target.getPath() + ")");
            return;
        }
        URI withoutFragment = withoutFragment(target);
        Fetched response = fetch(withoutFragment);
        if (response.status() != 200) {
            problems.add(where + ": '" + value + "' answers " + response.status() + " (" + withoutFragment.getPath() + ")");
            return;
        }
        String fragment = target.getFragment();
        if (fragment != null && !fragment.isEmpty() && response.isHtml()) {
            checkFragment(Jsoup.parse(response.body()), fragment, where + " -> " + withoutFragment.getPath());
        }
        local.add(withoutFragment);
    }

    private void checkFragment(Document html, String fragment, String where) {
        if (!fragment.isEmpty() && html.getElementById(fragment) == null) {
            problems.add(where + ": #" + fragment + " names no element of the page");
        }
    }

    /** GETs a page once; later calls answer from memory. */
    Fetched fetch(URI url) {
        return fetched.computeIfAbsent(url, u -> {
            try {
                HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(u).GET().timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                String type = r.headers().firstValue("Content-Type").orElse("");
                return new Fetched(r.statusCode(), type, new String(r.body(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                return new Fetched(-1, "", e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }

    private static URI withoutFragment(URI uri) {
        try {
            return new URI(uri.getScheme(), uri.getAuthority(), uri.getPath(), uri.getQuery(), null);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Every problem met so far, sorted. */
    Set<String> problems() {
        return problems;
    }

    /** Links to other sites (not followed). */
    Set<String> otherSites() {
        return otherSites;
    }

    /** How many distinct addresses were requested. */
    int requests() {
        return fetched.size();
    }
}
