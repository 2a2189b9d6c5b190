package nl.noordoostpolder.ivb.post;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import nl.noordoostpolder.ivb.content.SiteModel;
import nl.noordoostpolder.ivb.render.SiteSettings;
import nl.noordoostpolder.ivb.search.SearchIndexWriter;
import nl.noordoostpolder.ivb.validate.Problems;

/**
 * The steps that run on every baked site: the files pages link to (sitemap, feed, robots.txt), then the link check,
 * which must see them, and beside it the search index, which no page links to. The two longest steps so share the
 * two cores; in the preview that is most of the time between a save and the page.
 */
public final class OutputSteps {

    private OutputSteps() {
    }

    /** The steps whose files pages may link to; they run first, in this order. */
    public static List<OutputStep> linkedFiles() {
        return List.of(new Sitemap(), new AtomFeed(), new RobotsTxt());
    }

    /** Runs every step on {@code baked}; problems go to {@code problems}. */
    public static void applyAll(SiteModel site, BakedSite baked, SiteSettings settings, Problems problems) {
        applyAll(site, baked, settings, problems, new SearchIndexWriter());
    }

    /** Runs every step on {@code baked}, with {@code searchIndex} as the search index step (see the preview). */
    public static void applyAll(SiteModel site, BakedSite baked, SiteSettings settings, Problems problems,
                                SearchIndexWriter searchIndex) {
        CompletableFuture<Void> indexing = CompletableFuture.runAsync(
                () -> searchIndex.apply(site, baked, settings, problems));
        try {
            applyChecks(site, baked, settings, problems);
        } finally {
            join(indexing);
        }
    }

    /**
     * The steps a site needs before it may be served, without the search index: the files pages link to, and the
     * link check. The preview serves an edited page after these and writes the search index after that.
     */
    public static void applyChecks(SiteModel site, BakedSite baked, SiteSettings settings, Problems problems) {
        writeLinkedFiles(site, baked, settings, problems);
        new LinkChecker().apply(site, baked, settings, problems);
    }

    /** Writes the files pages may link to (see {@link #linkedFiles()}) into the folder of {@code baked}. */
    public static void writeLinkedFiles(SiteModel site, BakedSite baked, SiteSettings settings, Problems problems) {
        linkedFiles().forEach(step -> step.apply(site, baked, settings, problems));
    }

    private static void join(CompletableFuture<Void> step) {
        try {
            step.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw e;
        }
    }
}
