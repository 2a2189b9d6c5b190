package nl.noordoostpolder.ivb.post;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import nl.noordoostpolder.ivb.content.SiteModel;
import nl.noordoostpolder.ivb.render.SiteSettings;
import nl.noordoostpolder.ivb.validate.Problems;
import nl.noordoostpolder.ivb.i18n.Messages;

/**
 * Writes {@code robots.txt}: every crawler may read every page, and the sitemap is named with its absolute address
 * (the robots.txt format requires one). Written only with a base URL, like the sitemap it points to.
 * <p>
 * Crawlers read robots.txt only at the root of a domain: under a sub-path (a GitHub Pages project site) the file is
 * harmless but unread; the sitemap can then be submitted to the search engine by hand.
 */
public final class RobotsTxt implements OutputStep {

    public static final String FILE = "robots.txt";

    @Override
    public void apply(SiteModel site, BakedSite baked, SiteSettings settings, Problems problems) {
        if (!settings.hasBaseUrl()) {
            return;
        }
        String text = "# " + settings.title() + "\n"
                + "User-agent: *\n"
                + "Disallow:\n"
                + "\n"
                + "Sitemap: " + settings.absolute(Sitemap.FILE) + "\n";
        try {
            Files.writeString(baked.folder().resolve(FILE), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            problems.add(FILE, 0, Messages.get("post.cannot-write", e.getMessage()));
        }
    }
}
