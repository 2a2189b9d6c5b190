package nl.noordoostpolder.ivb.post;

import java.io.IOException;
import java.util.Comparator;
import java.util.List;

import nl.noordoostpolder.ivb.content.GeneratedPage;
import nl.noordoostpolder.ivb.content.Page;
import nl.noordoostpolder.ivb.content.SiteModel;
import nl.noordoostpolder.ivb.render.SiteSettings;
import nl.noordoostpolder.ivb.validate.Problems;
import nl.noordoostpolder.ivb.i18n.Messages;

/**
 * Writes {@code sitemap.xml} (sitemaps.org protocol 0.9) so that search engines find every page, with the absolute
 * addresses of the configured base URL. A sitemap with relative addresses is invalid, so without a base URL no
 * sitemap is written (the build says so).
 * <p>
 * {@code lastmod} is the page's own {@code :jbake-date:}; pages the site makes (overviews, search) have no date of
 * their own and get none, rather than the build time, which would change the file on every build.
 */
public final class Sitemap implements OutputStep {

    public static final String FILE = "sitemap.xml";
    public static final String NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9";

    @Override
    public void apply(SiteModel site, BakedSite baked, SiteSettings settings, Problems problems) {
        if (!settings.hasBaseUrl()) {
            return;
        }
        XmlFile xml = new XmlFile("urlset", NAMESPACE);
        for (Page page : pages(site)) {
            xml.start("url").text("loc", settings.absolute(page.getUrl()));
            if (page.getDate() != null) {
                xml.text("lastmod", page.getDate().toString());
            }
            xml.end();
        }
        try {
            xml.writeTo(baked.folder().resolve(FILE));
        } catch (IOException e) {
            problems.add(FILE, 0, Messages.get("post.cannot-write", e.getMessage()));
        }
    }

    /** Every page a visitor can reach, home first, then by address; not the 404 page. */
    static List<Page> pages(SiteModel site) {
        return site.getAllPages().stream()
                .filter(p -> p != GeneratedPage.NOT_FOUND)
                .sorted(Comparator.comparing((Page p) -> !"index.html".equals(p.getUrl())).thenComparing(Page::getUrl))
                .toList();
    }
}
