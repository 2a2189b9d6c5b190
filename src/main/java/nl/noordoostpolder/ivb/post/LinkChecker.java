package nl.noordoostpolder.ivb.post;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import nl.noordoostpolder.ivb.content.Document;
import nl.noordoostpolder.ivb.content.GeneratedPage;
import nl.noordoostpolder.ivb.content.SiteModel;
import nl.noordoostpolder.ivb.render.SiteSettings;
import nl.noordoostpolder.ivb.validate.Problems;
import nl.noordoostpolder.ivb.i18n.Messages;

/**
 * Checks every link of the baked site on the HTML itself: each internal {@code href} and {@code src} must name a
 * file of the site, each {@code #fragment} an {@code id} in that file, and nothing may load from another site.
 * A broken link in a page body is reported at the line of the AsciiDoc source that holds it; one in the template
 * part of a page is reported against the templates.
 */
public final class LinkChecker implements OutputStep {

    @Override
    public void apply(SiteModel site, BakedSite baked, SiteSettings settings, Problems problems) {
        Set<String> files = filesOf(baked.folder());
        Map<String, BakedPage> pages = files.stream().filter(file -> file.endsWith(".html")).sorted().toList()
                .parallelStream().map(baked::page).collect(Collectors.toMap(BakedPage::url, page -> page));
        check(site, files, pages, pages.keySet(), settings, problems);
    }

    /**
     * Checks the links of the pages {@code toCheck} only, against the site's {@code files} and {@code pages}: the
     * preview checks the pages an edit rendered again and those that link to a page that lost a section or is gone
     * (see {@link #linkingTo}), not the thousands that did not change.
     *
     * @param files every file of the site by its path from the root (see {@link #filesOf})
     * @param pages the reading of every HTML page of the site, by its path from the root
     */
    public static void check(SiteModel site, Set<String> files, Map<String, BakedPage> pages,
                             Collection<String> toCheck, SiteSettings settings, Problems problems) {
        files = withDownload(files, site);
        // a broken link in a template breaks it on every page: report it once, with the number of pages
        Map<String, List<String>> inTemplates = new LinkedHashMap<>();
        Map<String, String> firstError = new LinkedHashMap<>();
        Map<Meaning, Optional<String>> checked = new HashMap<>();
        for (String page : toCheck.stream().sorted().toList()) {
            String folder = folderOf(page);
            for (PageLink link : pages.get(page).links()) {
                if (link.inBody() && GeneratedPage.WHOLE_POLICY.getUrl().equals(page)) {
                    // a copy of a body checked on its own page, where a broken link is reported at its source line
                    continue;
                }
                // most links are the same on every page of a folder (the menu, the footer): check each once
                Meaning meaning = new Meaning(sameFor(page, folder, link), link.value(), link.mustBeLocal(),
                        link.baseHref());
                Set<String> all = files;
                String error = checked.computeIfAbsent(meaning, k -> Optional.ofNullable(check(page, link, all, pages,
                        settings))).orElse(null);
                if (error == null) {
                    continue;
                }
                if (link.inBody() && site.page(page) instanceof Document doc) {
                    problems.add(doc.getSourcePath(), Math.max(1, lineOf(doc, link.value())), Messages.get("link.broken", error));
                } else {
                    String key = error.replaceFirst("^'[^']*'", "");
                    inTemplates.computeIfAbsent(key, k -> new ArrayList<>()).add(page);
                    firstError.putIfAbsent(key, error);
                }
            }
        }
        inTemplates.forEach((key, onPages) -> problems.add("templates", 0, onPages.size() > 1
                ? Messages.get("link.template.broken.many", onPages.get(0), onPages.size() - 1, firstError.get(key))
                : Messages.get("link.template.broken", onPages.get(0), firstError.get(key))));
    }

    /**
     * The pages that may link to one of {@code targets} (paths from the site root): every page with a link whose
     * address names the file of a target. It errs on the side of more pages (a link to another folder's file of the
     * same name counts); a target that is a folder's {@code index.html}, which a link may name by its folder alone,
     * gives every page.
     */
    public static Set<String> linkingTo(Map<String, BakedPage> pages, Collection<String> targets) {
        if (targets.isEmpty()) {
            return Set.of();
        }
        Set<String> names = new java.util.HashSet<>();
        for (String target : targets) {
            String name = target.substring(target.lastIndexOf('/') + 1);
            if (name.equals("index.html")) {
                return pages.keySet();
            }
            names.add(name);
        }
        Set<String> linking = new java.util.HashSet<>();
        pages.forEach((url, page) -> {
            for (PageLink link : page.links()) {
                if (names.stream().anyMatch(link.value()::contains)) {
                    linking.add(url);
                    return;
                }
            }
        });
        return linking;
    }

    /** What decides whether a link works: where it is read from, the address, and how it is used. */
    private record Meaning(String scope, String value, boolean mustBeLocal, String baseHref) {
    }

    private static String folderOf(String page) {
        return page.contains("/") ? page.substring(0, page.lastIndexOf('/') + 1) : "";
    }

    /**
     * The pages on which {@code link} means the same: every page in the same folder, or only this page when the
     * link points into the page itself (an empty path) or the page is the 404 page, which is checked differently.
     */
    private static String sameFor(String page, String folder, PageLink link) {
        String value = link.value().strip();
        boolean withinPage = value.isEmpty() || value.startsWith("#") || value.startsWith("?");
        if (withinPage || GeneratedPage.NOT_FOUND.getUrl().equals(page)) {
            return page;
        }
        return folder;
    }

    private static String check(String page, PageLink link, Set<String> files, Map<String, BakedPage> pages,
                                SiteSettings settings) {
        String value = link.value().strip();
        if (value.startsWith("//")) {
            return Messages.get("link.no-scheme", value);
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            return Messages.get("link.invalid", value);
        }
        if (uri.getScheme() != null) {
            if (link.mustBeLocal() && !isOwnAbsolute(value, settings)) {
                return Messages.get("link.remote-file", value);
            }
            return null; // an ordinary link to another site
        }
        String pagePath = link.baseHref() != null ? "index.html" : page;
        String path = uri.getRawPath() == null ? "" : uri.getPath();
        String target;
        if (path.isEmpty()) {
            target = page;
        } else if (path.startsWith("/")) {
            String base = settings.basePath();
            boolean fromBasePath = link.baseHref() != null || GeneratedPage.NOT_FOUND.getUrl().equals(page);
            if (!fromBasePath || !path.startsWith(base)) {
                return Messages.get("link.absolute", value);
            }
            target = path.substring(base.length());
        } else {
            target = resolve(pagePath, path);
            if (target == null) {
                return Messages.get("link.outside", value);
            }
        }
        if (target.isEmpty() || target.endsWith("/")) {
            target = target + "index.html";
        }
        if (!files.contains(target)) {
            return Messages.get("link.missing", value, target);
        }
        String fragment = uri.getFragment();
        if (fragment != null && !fragment.isEmpty() && target.endsWith(".html")) {
            BakedPage targetPage = pages.get(target);
            if (targetPage == null || !targetPage.ids().contains(fragment)) {
                return Messages.get("link.no-section", value, "#" + fragment, target);
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

    /**
     * The files plus the PDF of the whole policy when the site has one: the preview makes it only when its address
     * is asked for (a build has written it by now).
     */
    private static Set<String> withDownload(Set<String> files, SiteModel site) {
        if (site.getDownload() == null) {
            return files;
        }
        Set<String> all = new java.util.HashSet<>(files);
        all.add(site.getDownload().url());
        return all;
    }

    /** Every file of the site by its path from the root: one walk instead of a file system call per link. */
    public static Set<String> filesOf(Path output) {
        try (Stream<Path> walk = Files.find(output, Integer.MAX_VALUE, (path, attributes) -> attributes.isRegularFile())) {
            return walk.map(p -> output.relativize(p).toString().replace('\\', '/'))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
