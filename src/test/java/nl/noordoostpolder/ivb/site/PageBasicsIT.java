package nl.noordoostpolder.ivb.site;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import nl.noordoostpolder.ivb.testing.SiteUnderTest;

/**
 * The basics every page of the baked site must have, checked in its HTML: Dutch as its language, one h1, a title
 * no other page has, a description, a skip link that is the first thing a keyboard reaches and leads to the main
 * content, the landmarks, a text alternative for every image, and navigation that says where you are.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PageBasicsIT {

    private static final String FOCUSABLE = "a[href], button, input:not([type=hidden]), select, textarea, summary, "
            + "[tabindex]:not([tabindex=-1])";

    private Map<String, Document> pages;

    @BeforeAll
    void parse() {
        pages = BakedPages.parse(SiteUnderTest.bakedSite());
        assertTrue(pages.size() >= 40, "expected the whole site, found " + pages.keySet());
    }

    @Test
    void everyPageIsInDutchWithOneH1() {
        check((url, page, failures) -> {
            if (!"nl".equals(page.selectFirst("html").attr("lang"))) {
                failures.add(url + ": <html lang> is '" + page.selectFirst("html").attr("lang") + "', not 'nl'");
            }
            if (page.select("h1").size() != 1) {
                failures.add(url + ": " + page.select("h1").size() + " h1 elements");
            }
            if (page.documentType() == null || !"html".equalsIgnoreCase(page.documentType().name())) {
                failures.add(url + ": no <!DOCTYPE html>");
            }
        });
    }

    @Test
    void everyPageHasItsOwnTitleAndADescription() {
        Map<String, String> seen = new HashMap<>();
        check((url, page, failures) -> {
            String title = page.title().strip();
            if (title.isEmpty()) {
                failures.add(url + ": empty <title>");
            } else if (seen.putIfAbsent(title, url) != null) {
                failures.add(url + ": the title '" + title + "' is also the title of " + seen.get(title));
            }
            Element description = page.selectFirst("head meta[name=description]");
            if (description == null || description.attr("content").isBlank()) {
                failures.add(url + ": no meta description");
            }
        });
    }

    @Test
    void theSkipLinkComesFirstOutsideTheNavigationAndLeadsToTheMainContent() {
        check((url, page, failures) -> {
            Element first = page.body().selectFirst(FOCUSABLE);
            if (first == null || !first.hasClass("skip-link")) {
                failures.add(url + ": the first focusable element is " + (first == null ? "none" : first.outerHtml()));
                return;
            }
            if (first.closest("nav") != null) {
                failures.add(url + ": the skip link is inside a <nav>");
            }
            String href = first.attr("href");
            Element target = href.startsWith("#") ? page.getElementById(href.substring(1)) : null;
            if (target == null || !target.normalName().equals("main")) {
                failures.add(url + ": the skip link points to '" + href + "', which is not the <main> of the page");
            }
        });
    }

    @Test
    void everyPageHasTheLandmarksAndNamedNavigation() {
        check((url, page, failures) -> {
            for (String landmark : List.of("header", "main", "footer")) {
                if (page.select("body > " + landmark).size() != 1) {
                    failures.add(url + ": expected one top-level <" + landmark + ">");
                }
            }
            Elements navs = page.select("nav");
            if (navs.isEmpty()) {
                failures.add(url + ": no <nav>");
            }
            List<String> names = new ArrayList<>();
            for (Element nav : navs) {
                String name = nav.hasAttr("aria-label") ? nav.attr("aria-label")
                        : nav.hasAttr("aria-labelledby") ? textOf(page, nav.attr("aria-labelledby")) : "";
                if (name.isBlank()) {
                    failures.add(url + ": a <nav> without a name: " + nav.outerHtml().lines().findFirst().orElse(""));
                } else if (names.contains(name)) {
                    failures.add(url + ": two <nav> elements are both called '" + name + "'");
                }
                names.add(name);
            }
        });
    }

    @Test
    void everyImageHasATextAlternative() {
        check((url, page, failures) -> page.select("img:not([alt])")
                .forEach(img -> failures.add(url + ": image without alt: " + img.outerHtml())));
    }

    @Test
    void theMainNavigationAndTheBreadcrumbsMarkTheCurrentPage() {
        check((url, page, failures) -> {
            Element nav = page.selectFirst("nav.main-nav");
            if (nav == null) {
                failures.add(url + ": no main navigation");
                return;
            }
            if (nav.select("li").size() != 9) {
                failures.add(url + ": the main navigation should have the six themes, process, timeline and search, "
                        + "found " + nav.select("li").size() + " items");
            }
            for (Element current : page.select("[aria-current=page]")) {
                if (!resolvesTo(url, current.attr("href"))) {
                    failures.add(url + ": aria-current=page on a link to " + current.attr("href"));
                }
            }
            String ownLink = nav.select("a").stream().filter(a -> resolvesTo(url, a.attr("href")))
                    .map(a -> a.attr("aria-current")).findFirst().orElse(null);
            if (ownLink != null && !ownLink.equals("page")) {
                failures.add(url + ": the main navigation links to this page without aria-current=page");
            }
            Element crumbs = page.selectFirst("nav.breadcrumbs");
            if (crumbs != null) {
                Element last = crumbs.select("li").last();
                if (last == null || last.selectFirst("[aria-current=page]") == null) {
                    failures.add(url + ": the last breadcrumb is not the current page");
                }
                if (!crumbs.select("li a").first().text().equals("Home")) {
                    failures.add(url + ": the breadcrumbs do not start at Home");
                }
            } else if (!url.equals("index.html") && !url.equals("404.html")) {
                failures.add(url + ": no breadcrumbs");
            }
        });
    }

    @Test
    void everyPageSaysWhenItWasLastUpdatedAndLinksToTheAccessibilityStatementAndColofon() {
        check((url, page, failures) -> {
            Element footer = page.selectFirst("body > footer");
            if (footer == null) {
                return; // reported by the landmark test
            }
            if (!url.equals("404.html") && footer.selectFirst("time[datetime]") == null) {
                failures.add(url + ": the footer does not say when the page was last updated");
            }
            for (String target : List.of("toegankelijkheid.html", "colofon.html")) {
                if (footer.select("a[href$=" + target + "]").isEmpty()) {
                    failures.add(url + ": the footer does not link to " + target);
                }
            }
        });
    }

    private boolean resolvesTo(String pageUrl, String href) {
        String dir = pageUrl.contains("/") ? pageUrl.substring(0, pageUrl.lastIndexOf('/') + 1) : "";
        String resolved = java.net.URI.create("http://x/" + dir).resolve(href).getPath().substring(1);
        return resolved.equals(pageUrl);
    }

    private static String textOf(Document page, String ids) {
        StringBuilder text = new StringBuilder();
        for (String id : ids.split("\\s+")) {
            Element e = page.getElementById(id);
            if (e != null) {
                text.append(e.text());
            }
        }
        return text.toString();
    }

    private interface PageCheck {
        void check(String url, Document page, List<String> failures);
    }

    private void check(PageCheck check) {
        List<String> failures = new ArrayList<>();
        pages.forEach((url, page) -> check.check(url, page, failures));
        assertTrue(failures.isEmpty(), failures.size() + " problem(s):\n" + String.join("\n", failures));
    }
}
