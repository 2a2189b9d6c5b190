package nl.noordoostpolder.ivb.search;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import nl.noordoostpolder.ivb.content.GeneratedPage;
import nl.noordoostpolder.ivb.content.Page;
import nl.noordoostpolder.ivb.content.SiteModel;
import nl.noordoostpolder.ivb.post.BakedSite;
import nl.noordoostpolder.ivb.post.OutputStep;
import nl.noordoostpolder.ivb.render.SiteSettings;
import nl.noordoostpolder.ivb.validate.Problems;

/**
 * Writes {@value #FILE_NAME} at the site root: the searchable parts of every page, read from the baked HTML (see
 * {@link SectionExtractor}) so that the search finds exactly the text a reader sees, split at the headings a result
 * can link to.
 * <p>
 * The index is also written gzipped as {@value #COMPRESSED_FILE_NAME}, which the search page fetches and unpacks
 * itself: not every host compresses JSON, and the index is most of what a first search downloads (about a fifth of
 * the bytes gzipped). The plain file is for browsers that cannot unpack it.
 * <p>
 * Every page an editor wrote is indexed, and of the pages the site makes only the overviews (themes, trends,
 * sessions, timeline), by their title and summary: the search page, the A-Z list and the 404 page are no answers
 * to a question.
 */
public final class SearchIndexWriter implements OutputStep {

    /** The index file, relative to the site root; the search page names it in its {@code data-index-plain} attribute. */
    public static final String FILE_NAME = "search-index.json";

    /** The same index gzipped; the search page names it in its {@code data-index} attribute. */
    public static final String COMPRESSED_FILE_NAME = FILE_NAME + ".gz";

    private static final List<GeneratedPage> OVERVIEWS = List.of(GeneratedPage.THEMES, GeneratedPage.TRENDS,
            GeneratedPage.SESSIONS, GeneratedPage.TIMELINE);

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
        byte[] json = SearchIndexJson.write(builder.build()).getBytes(StandardCharsets.UTF_8);
        try {
            Files.write(baked.folder().resolve(FILE_NAME), json);
            Files.write(baked.folder().resolve(COMPRESSED_FILE_NAME), gzip(json));
        } catch (IOException e) {
            problems.add(FILE_NAME, 0, "cannot write the search index: " + e.getMessage());
        }
    }

    /** Gzip at the highest level; Java writes no file name or time in the header, so the bytes are reproducible. */
    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(data.length / 4 + 64);
        try (GZIPOutputStream out = new GZIPOutputStream(bytes) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            out.write(data);
        }
        return bytes.toByteArray();
    }

    private static List<IndexedSection> read(BakedSite baked, Page page, Problems problems) {
        try {
            return baked.page(page.getUrl()).sections();
        } catch (UncheckedIOException e) {
            String source = page.getSourcePath() == null ? "templates" : page.getSourcePath();
            problems.add(source, 0, "cannot read " + page.getUrl() + " for the search index: " + e.getMessage());
            return null;
        }
    }
}
