package nl.noordoostpolder.ivb.post;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

import nl.noordoostpolder.ivb.content.Document;
import nl.noordoostpolder.ivb.content.GeneratedPage;
import nl.noordoostpolder.ivb.content.SiteModel;
import nl.noordoostpolder.ivb.render.SiteSettings;
import nl.noordoostpolder.ivb.validate.Problems;

/**
 * Checks every link of the baked site on the HTML itself: each internal {@code href} and {@code src} must name a
 * file of the site, each {@code #fragment} an {@code id} in that file, and nothing may load from another site.
 * A broken link in a page body is reported at the line of the AsciiDoc source that holds it; one in the template
 * part of a page is reported against the templates.
 */
public final class LinkChecker implements OutputStep {

    /** The element that wraps the AsciiDoc body in every page template. */
    public static final String BODY_CLASS = "page-body";

    private record Link(String page, String value, boolean inBody, boolean mustBeLocal, String baseHref) {
    }

    @Override
    public void apply(SiteModel site, Path output, SiteSettings settings, Problems problems) {
        Map<String, Set<String>> ids = new ConcurrentHashMap<>();
        Map<String, List<Link>> links = new ConcurrentHashMap<>();
        List<Path> htmlFiles = htmlFiles(output);
        Set<String> files = allFiles(output);
        htmlFiles.parallelStream().forEach(file -> {
            String url = output.relativize(file).toString().replace('\\', '/');
            org.jsoup.nodes.Document html = parse(file);
            ids.put(url, html.select("[id]").stream().map(e -> e.id()).collect(Collectors.toSet()));
            Element base = html.selectFirst("base[href]");
            String baseHref = base == null ? null : base.attr("href");
            links.put(url, html.select("a[href], link[href], script[src], img[src], source[src], iframe[src], form[action]")
                    .stream()
                    .map(e -> new Link(url, value(e), e.closest("." + BODY_CLASS) != null,
                            !e.normalName().equals("a") && !isMetaLink(e), baseHref))
                    .toList());
        });
        // a broken link in a template breaks it on every page: report it once, with the number of pages
        Map<String, List<String>> inTemplates = new LinkedHashMap<>();
        Map<String, String> firstError = new LinkedHashMap<>();
        for (String page : links.keySet().stream().sorted().toList()) {
            for (Link link : links.get(page)) {
                String error = check(link, files, ids, settings);
                if (error == null) {
                    continue;
                }
                if (link.inBody() && site.page(link.page()) instanceof Document doc) {
                    problems.add(doc.getSourcePath(), Math.max(1, lineOf(doc, link.value())), "broken link: " + error
                            + ". Check the address; a link to another page is written xref:../map/pagina.adoc[tekst].");
                } else {
                    String key = error.replaceFirst("^'[^']*'", "");
                    inTemplates.computeIfAbsent(key, k -> new ArrayList<>()).add(link.page());
                    firstError.putIfAbsent(key, error);
                }
            }
        }
        inTemplates.forEach((key, pages) -> problems.add("templates", 0, "broken link in " + pages.get(0)
                + (pages.size() > 1 ? " and " + (pages.size() - 1) + " other page(s)" : "") + ": "
                + firstError.get(key) + "."));
    }

    private static boolean isMetaLink(Element e) {
        return e.normalName().equals("link") && e.attr("rel").matches("canonical|alternate");
    }

    private static String value(Element e) {
        for (String attr : List.of("href", "src", "action")) {
            if (e.hasAttr(attr)) {
                return e.attr(attr);
            }
        }
        return "";
    }

    private static String check(Link link, Set<String> files, Map<String, Set<String>> ids, SiteSettings settings) {
        String value = link.value().strip();
        if (value.startsWith("//")) {
            return "link to another site without a scheme: '" + value + "'";
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            return "'" + value + "' is not a valid address";
        }
        if (uri.getScheme() != null) {
            if (link.mustBeLocal() && !isOwnAbsolute(value, settings)) {
                return "'" + value + "' loads a file from another site; everything must come from this site";
            }
            return null; // an ordinary link to another site
        }
        String pagePath = link.baseHref() != null ? "index.html" : link.page();
        String path = uri.getRawPath() == null ? "" : uri.getPath();
        String target;
        if (path.isEmpty()) {
            target = link.page();
        } else if (path.startsWith("/")) {
            String base = settings.basePath();
            boolean fromBasePath = link.baseHref() != null || GeneratedPage.NOT_FOUND.getUrl().equals(link.page());
            if (!fromBasePath || !path.startsWith(base)) {
                return "'" + value + "' is an absolute path, which breaks when the site is published under a sub-path; "
                        + "use a relative link";
            }
            target = path.substring(base.length());
        } else {
            target = resolve(pagePath, path);
            if (target == null) {
                return "'" + value + "' points outside the site";
            }
        }
        if (target.isEmpty() || target.endsWith("/")) {
            target = target + "index.html";
        }
        if (!files.contains(target)) {
            return "'" + value + "' points to " + target + ", which is not part of the site";
        }
        String fragment = uri.getFragment();
        if (fragment != null && !fragment.isEmpty() && target.endsWith(".html")) {
            Set<String> targetIds = ids.getOrDefault(target, Set.of());
            if (!targetIds.contains(fragment)) {
                return "'" + value + "' points to #" + fragment + ", but " + target + " has no such section";
            }
        }
        return null;
    }

    private static boolean isOwnAbsolute(String value, SiteSettings settings) {
        return settings.hasBaseUrl() && value.startsWith(settings.baseUrl());
    }

    /** Resolves a relative path against a page, or null when it climbs above the site root. */
    static String resolve(String page, String relative) {
        List<String> parts = new java.util.ArrayList<>(List.of(page.split("/")));
        parts.remove(parts.size() - 1);
        for (String part : relative.split("/", -1)) {
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    return null;
                }
                parts.remove(parts.size() - 1);
            } else if (!part.equals(".")) {
                parts.add(part);
            }
        }
        return String.join("/", parts);
    }

    private static int lineOf(Document doc, String href) {
        String noFragment = href.contains("#") ? href.substring(0, href.indexOf('#')) : href;
        String name = noFragment.contains("/") ? noFragment.substring(noFragment.lastIndexOf('/') + 1) : noFragment;
        String stem = name.replaceAll("\\.html$", "");
        String fragment = href.contains("#") ? href.substring(href.indexOf('#') + 1) : "";
        int line = 0;
        if (!stem.isEmpty()) {
            line = doc.getSource().lineOf(stem, doc.getHeader().bodyLine());
        }
        if (line == 0 && !fragment.isEmpty()) {
            line = doc.getSource().lineOf("#" + fragment, doc.getHeader().bodyLine());
            if (line == 0) {
                line = doc.getSource().lineOf("<<" + fragment, doc.getHeader().bodyLine());
            }
            if (line == 0) {
                line = doc.getSource().lineOf(fragment, doc.getHeader().bodyLine());
            }
        }
        if (line == 0) {
            line = doc.getSource().lineOf(href, doc.getHeader().bodyLine());
        }
        return line;
    }

    private static org.jsoup.nodes.Document parse(Path file) {
        try {
            return Jsoup.parse(file.toFile(), "UTF-8");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file of the site by its path from the root: one walk instead of a file system call per link. */
    private static Set<String> allFiles(Path output) {
        try (Stream<Path> walk = Files.walk(output)) {
            return walk.filter(Files::isRegularFile)
                    .map(p -> output.relativize(p).toString().replace('\\', '/'))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Path> htmlFiles(Path output) {
        try (Stream<Path> files = Files.walk(output)) {
            return files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
