package nl.noordoostpolder.ivb.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import nl.noordoostpolder.ivb.content.GeneratedPage;
import nl.noordoostpolder.ivb.content.Page;
import nl.noordoostpolder.ivb.content.SiteModel;
import nl.noordoostpolder.ivb.post.BakedSite;
import nl.noordoostpolder.ivb.post.OutputStep;
import nl.noordoostpolder.ivb.render.SiteSettings;
import nl.noordoostpolder.ivb.validate.Problems;
import nl.noordoostpolder.ivb.i18n.Messages;

/**
 * Writes the search index: the searchable parts of every page, read from the baked HTML (see
 * {@link SectionExtractor}) so that the search finds exactly the text a reader sees, split at the headings a result
 * can link to.
 * <p>
 * The index is split (see {@link SplitIndex}): {@value #FILE_NAME} at the site root, which the search page loads
 * first, points to shards of words and to the text of each page in {@code search-index/<hash>/}, which it loads as
 * a search needs them. Every file is also written gzipped ({@value #COMPRESSED_FILE_NAME} and so on), which the
 * page fetches and unpacks itself, because not every host compresses JSON (see {@link SplitIndexWriter}).
 * <p>
 * Every page an editor wrote is indexed, and of the pages the site makes the overviews (themes, trends, sessions,
 * timeline, A-Z), by their title, summary and introduction but not their lists of links, which repeat the titles of
 * other pages and would add them to every result: a citizen who searches "tijdlijn" or "alfabet" finds the page.
 * The search page and the 404 page are no answers to a question.
 */
public final class SearchIndexWriter implements OutputStep {

    /** The first file of the index, relative to the site root; the search page names it in {@code data-index-plain}. */
    public static final String FILE_NAME = SplitIndex.META;

    /** The same file gzipped; the search page names it in its {@code data-index} attribute. */
    public static final String COMPRESSED_FILE_NAME = FILE_NAME + ".gz";

    /** With {@code -Divb.timings=true} (as the bake's phases), the time the split index takes: for developers. */
    private static final boolean TIMINGS = Boolean.getBoolean("ivb.timings");
    private static final String TIMING_LABEL = "[search index]";

    private static final List<GeneratedPage> OVERVIEWS = List.of(GeneratedPage.THEMES, GeneratedPage.TRENDS,
            GeneratedPage.SESSIONS, GeneratedPage.TIMELINE, GeneratedPage.INDEX_AZ);

    private final SplitIndexWriter.LastWrite lastWrite;

    /** A writer for one build. */
    public SearchIndexWriter() {
        this(null);
    }

    private SearchIndexWriter(SplitIndexWriter.LastWrite lastWrite) {
        this.lastWrite = lastWrite;
    }

    /**
     * A writer for the builds of one preview, one after the other: each links the files that have not changed since
     * the one before from that build's folder instead of writing them again (see {@link SplitIndexWriter}).
     */
    public static SearchIndexWriter forRebuilds() {
        return new SearchIndexWriter(new SplitIndexWriter.LastWrite());
    }

    /**
     * Links the index this writer wrote last into {@code folder}, so that a new preview folder can be served, with
     * the index of the build before, while its own index is written; false when there is none to link.
     */
    public boolean linkLastInto(Path folder) {
        try {
            return lastWrite != null && lastWrite.linkInto(folder);
        } catch (IOException | UncheckedIOException e) {
            return false; // the index is then written before the folder is served, as in a bake
        }
    }

    @Override
    public void apply(SiteModel site, BakedSite baked, SiteSettings settings, Problems problems) {
        List<Page> pages = new ArrayList<>(site.getDocuments());
        pages.addAll(OVERVIEWS);
        List<List<IndexedSection>> parts = pages.stream().map(page -> read(baked, page, problems)).toList();

        SearchIndex.Builder builder = new SearchIndex.Builder().themes(site.getThemes());
        for (int i = 0; i < pages.size(); i++) {
            if (parts.get(i) != null) {
                builder.add(pages.get(i), PageFacets.of(pages.get(i)), parts.get(i));
            }
        }
        write(builder.build(), baked.folder(), lastWrite, problems);
    }

    /** Splits the index into its files and writes them (see {@link SplitIndex}). */
    static void write(SearchIndex index, Path output, Problems problems) {
        write(index, output, null, problems);
    }

    private static void write(SearchIndex index, Path output, SplitIndexWriter.LastWrite lastWrite, Problems problems) {
        long start = System.nanoTime();
        try {
            List<SplitIndex.File> files = SplitIndex.files(index);
            long split = System.nanoTime();
            SplitIndexWriter.write(files, output, lastWrite);
            if (TIMINGS) {
                System.err.printf("%s split %d ms, write %d ms (%d files, %d gzipped)%n", TIMING_LABEL,
                        (split - start) / 1_000_000, (System.nanoTime() - split) / 1_000_000, files.size(),
                        files.stream().filter(SplitIndex.File::gzipped).count());
            }
        } catch (IOException e) {
            problems.add(FILE_NAME, 0, Messages.get("search.cannot-write", e.getMessage()));
        }
    }

    private static List<IndexedSection> read(BakedSite baked, Page page, Problems problems) {
        try {
            return baked.page(page.getUrl()).sections();
        } catch (UncheckedIOException e) {
            String source = page.getSourcePath() == null ? "templates" : page.getSourcePath();
            problems.add(source, 0, Messages.get("search.cannot-read", page.getUrl(), e.getMessage()));
            return null;
        }
    }
}
