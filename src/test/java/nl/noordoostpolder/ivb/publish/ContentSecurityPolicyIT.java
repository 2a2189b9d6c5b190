package nl.noordoostpolder.ivb.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.chrome.ChromeDriver;

import nl.noordoostpolder.ivb.render.ContentSecurityPolicy;
import nl.noordoostpolder.ivb.testing.HeadlessChromium;
import nl.noordoostpolder.ivb.testing.SiteUnderTest;
import nl.noordoostpolder.ivb.testing.StaticSiteServer;

/**
 * Every page carries a Content-Security-Policy that allows nothing but files of the site itself, and satisfies it:
 * no inline script or style, no event handler attribute, nothing loaded from another site. The one exception is the
 * 404 page, which must work at any address: its inline stylesheet (and without a base URL its inline script) are
 * allowed by their SHA-256 hashes, computed here from the page itself, never by {@code 'unsafe-inline'}. Checked on the HTML, CSS
 * and JavaScript files, and in Chromium, which reports every violation and every request the pages make.
 */
class ContentSecurityPolicyIT {

    private static final Pattern ABSOLUTE_URL = Pattern.compile("(?i)\\b(?:https?:)?//[a-z0-9.-]+[^\\s'\")]*");
    /** Namespace names are identifiers, not addresses a browser loads. */
    private static final Set<String> NAMESPACES = Set.of("http://www.w3.org/2000/svg", "http://www.w3.org/1999/xhtml",
            "http://www.w3.org/1999/xlink");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"target/site", PublishedSites.NESTED_SITE})
    void everyPageDeclaresTheSameStrictPolicyBeforeAnythingItLoads(String which) throws IOException {
        Path site = site(which);
        Set<String> policies = new TreeSet<>();
        for (Path file : files(site, ".html")) {
            Document html = Jsoup.parse(file.toFile(), "UTF-8");
            List<Element> metas = html.select("meta[http-equiv~=(?i)^content-security-policy$]");
            assertEquals(1, metas.size(), "one CSP meta element in " + site.relativize(file));
            Element meta = metas.get(0);
            assertEquals("head", meta.parent().normalName(), "CSP meta in <head> of " + site.relativize(file));
            Element first = html.head().selectFirst("link, script, style, base");
            assertTrue(first == null || first.siblingIndex() > meta.siblingIndex(),
                    "the CSP meta comes before " + first + " in " + site.relativize(file));
            if (file.getFileName().toString().equals("404.html")) {
                assertEquals(policyAllowingInlineCodeOf(html), meta.attr("content"),
                        "the 404 page allows exactly its own inline style and script, by hash");
            } else {
                policies.add(meta.attr("content"));
            }
        }
        assertEquals(1, policies.size(), "one policy for the whole site: " + policies);
        Map<String, List<String>> policy = parsePolicy(policies.iterator().next());
        for (String directive : List.of("default-src", "script-src", "style-src", "img-src", "object-src", "base-uri")) {
            assertTrue(policy.containsKey(directive), directive + " is set: " + policy);
        }
        assertEquals(List.of("'none'"), policy.get("object-src"));
        policy.forEach((directive, sources) -> {
            assertFalse(sources.isEmpty(), directive);
            for (String source : sources) {
                assertTrue(source.equals("'self'") || source.equals("'none'"),
                        directive + " allows " + source + "; only the site itself may be allowed");
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"target/site", PublishedSites.NESTED_SITE})
    void pagesHaveNoInlineCodeNoEventHandlersAndNothingFromOtherSites(String which) throws IOException {
        Path site = site(which);
        String ownBase = which.startsWith("http") ? which : PublishedSites.settingsOfBakedSite().baseUrl();
        List<String> problems = new ArrayList<>();
        for (Path file : files(site, ".html")) {
            String page = site.relativize(file).toString();
            Document html = Jsoup.parse(file.toFile(), "UTF-8");
            String policy = html.select("meta[http-equiv~=(?i)^content-security-policy$]").attr("content");
            if (policy.contains("unsafe-")) {
                problems.add(page + ": the policy allows " + policy);
            }
            // only the 404 page has inline code, each allowed by its hash (checked above): it works at any address
            if (!page.equals("404.html")) {
                html.select("script:not([src])").forEach(e -> problems.add(page + ": inline script " + e.outerHtml()));
                html.select("style").forEach(e -> problems.add(page + ": <style> element"));
            }
            for (Element e : html.getAllElements()) {
                for (Attribute a : e.attributes()) {
                    String name = a.getKey().toLowerCase(java.util.Locale.ROOT);
                    if (name.equals("style")) {
                        problems.add(page + ": style attribute on <" + e.normalName() + ">");
                    } else if (name.startsWith("on")) {
                        problems.add(page + ": event handler " + name + " on <" + e.normalName() + ">");
                    } else if (a.getValue().strip().toLowerCase(java.util.Locale.ROOT).startsWith("javascript:")) {
                        problems.add(page + ": javascript: address in " + name);
                    }
                }
            }
            for (Element e : html.select("script[src], link[href]:not([rel~=(?i)^(canonical|alternate)$]), img[src], "
                    + "img[srcset], source[src], source[srcset], iframe[src], video, audio, object[data], embed[src]")) {
                for (String attr : List.of("src", "href", "srcset", "data", "poster")) {
                    String value = e.attr(attr).strip();
                    if (isOtherSite(value, ownBase)) {
                        problems.add(page + ": <" + e.normalName() + " " + attr + "=\"" + value + "\"> loads from another site");
                    }
                }
            }
        }
        for (Path css : files(site, ".css")) {
            String text = Files.readString(css, StandardCharsets.UTF_8);
            Matcher m = ABSOLUTE_URL.matcher(text.replaceAll("(?s)/\\*.*?\\*/", ""));
            while (m.find()) {
                problems.add(site.relativize(css) + ": refers to " + m.group());
            }
        }
        for (Path js : files(site, ".js")) {
            String code = Files.readString(js, StandardCharsets.UTF_8)
                    .replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)^\\s*//.*$", "");
            Matcher m = ABSOLUTE_URL.matcher(code);
            while (m.find()) {
                String url = m.group();
                if (url.startsWith("//") || !NAMESPACES.contains(url)) {
                    problems.add(site.relativize(js) + ": refers to " + url);
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    /**
     * Chromium loads every page of the site baked for and served at {@code /a/b/} (the search page with a query, so
     * its script runs, and the 404 page at a missing address three folders deep) and reports each
     * Content-Security-Policy violation and each request; outside the loopback address nothing resolves.
     */
    @Test
    void chromiumReportsNoViolationAndNoRequestToAnotherSite() throws IOException {
        Path site = PublishedSites.bakedFor(PublishedSites.NESTED_SITE);
        String prefix = java.net.URI.create(PublishedSites.NESTED_SITE).getPath();
        ChromeDriver driver = HeadlessChromium.start();
        try (StaticSiteServer server = new StaticSiteServer(site, prefix)) {
            driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                    "window.__csp = []; document.addEventListener('securitypolicyviolation', e => "
                            + "window.__csp.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' ' + "
                            + "(e.sourceFile || '') + ':' + e.lineNumber));"));
            List<String> problems = new ArrayList<>();
            int pages = 0;
            for (Path file : files(site, ".html")) {
                String page = site.relativize(file).toString().replace('\\', '/');
                String url = server.baseUrl() + switch (page) {
                    case "zoeken.html" -> page + "?q=veiligheid";
                    case "404.html" -> "een/twee/drie/bestaat-niet.html";
                    default -> page;
                };
                driver.get(url);
                pages++;
                Object violations = driver.executeAsyncScript(
                        "const done = arguments[arguments.length - 1]; setTimeout(() => done(window.__csp || ['no listener']), 150);");
                if (violations instanceof List<?> list && !list.isEmpty()) {
                    problems.add(page + ": " + list);
                }
                Object styled = driver.executeScript("return document.styleSheets.length > 0 "
                        + "&& document.styleSheets[0].cssRules.length > 0;");
                if (!Boolean.TRUE.equals(styled)) {
                    problems.add(page + ": its stylesheet did not load at " + url);
                }
                Object resources = driver.executeScript(
                        "return performance.getEntriesByType('resource').map(r => r.name);");
                if (resources instanceof List<?> list) {
                    for (Object resource : list) {
                        if (!resource.toString().startsWith(server.baseUrl())) {
                            problems.add(page + ": requested " + resource);
                        }
                    }
                }
            }
            assertTrue(pages > 40, "loaded " + pages + " pages");
            assertEquals(List.of(), problems);
            Set<String> outside = new TreeSet<>(server.requests());
            outside.removeIf(p -> p.startsWith(prefix));
            assertEquals(Set.of(), outside, "requests outside " + prefix);
        } finally {
            driver.quit();
        }
    }

    /**
     * The site's policy with one {@code 'sha256-...'} source added for the inline style and for the inline script of
     * {@code html}, computed here from the text of those elements as the browser will see it.
     */
    private static String policyAllowingInlineCodeOf(Document html) {
        List<Element> styles = html.select("style");
        List<Element> scripts = html.select("script:not([src])");
        assertEquals(1, styles.size(), "one inline style on the 404 page");
        assertTrue(scripts.size() <= 1, "at most one inline script on the 404 page");
        String policy = ContentSecurityPolicy.SITE.replace("style-src 'self'",
                "style-src 'self' 'sha256-" + sha256(styles.get(0).data()) + "'");
        return scripts.isEmpty() ? policy : policy.replace("script-src 'self'",
                "script-src 'self' 'sha256-" + sha256(scripts.get(0).data()) + "'");
    }

    private static String sha256(String text) {
        try {
            return java.util.Base64.getEncoder().encodeToString(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isOtherSite(String value, String ownBase) {
        String v = value.toLowerCase(java.util.Locale.ROOT);
        boolean absolute = v.startsWith("//") || v.matches("^[a-z][a-z0-9+.-]*:.*");
        if (!absolute) {
            return false;
        }
        return ownBase.isEmpty() || !value.startsWith(ownBase);
    }

    private static Map<String, List<String>> parsePolicy(String policy) {
        Map<String, List<String>> directives = new LinkedHashMap<>();
        for (String part : policy.split(";")) {
            List<String> tokens = Arrays.stream(part.strip().split("\\s+")).filter(t -> !t.isEmpty()).toList();
            if (!tokens.isEmpty()) {
                directives.put(tokens.get(0).toLowerCase(java.util.Locale.ROOT), tokens.subList(1, tokens.size()));
            }
        }
        return directives;
    }

    private static Path site(String which) {
        return which.startsWith("http") ? PublishedSites.bakedFor(which) : SiteUnderTest.bakedSite();
    }

    private static List<Path> files(Path site, String extension) throws IOException {
        try (Stream<Path> files = Files.walk(site)) {
            List<Path> list = files.filter(p -> p.toString().endsWith(extension)).sorted().toList();
            if (extension.equals(".html")) {
                assertFalse(list.isEmpty(), "no pages in " + site);
            }
            return list;
        }
    }
}
