package nl.noordoostpolder.ivb.preview;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import nl.noordoostpolder.ivb.bake.ContentLoader;
import nl.noordoostpolder.ivb.content.Document;
import nl.noordoostpolder.ivb.source.SourceTree;
import nl.noordoostpolder.ivb.validate.Problems;

/**
 * The pages as the preview read them last, so that after a save only the saved files are read and checked again:
 * at 5000 pages reading every file took 120-190 ms of each edit. A file counts as unchanged when the scan sees the
 * same size, time of last change and file (see {@link SourceTree#stamp}); a page that includes other text is always
 * read again, as the included text may have changed, and so is a page that had a problem, so that its problem is
 * reported on every rebuild.
 * <p>
 * An unchanged page keeps its {@link Document}, with its converted body: the site model of the next rebuild links
 * the same object again. The checks across pages ({@code ReferenceValidator}) still run on all pages, in
 * {@link ContentLoader}, the one place that loads pages for the build and for the preview.
 */
final class DocumentCache {

    private record Entry(String stamp, Document document) {
    }

    private Map<Path, Entry> entries = new HashMap<>();

    /** Every page of {@code tree}, read again where it changed; the same result as {@link ContentLoader#load}. */
    List<Document> load(SourceTree tree, Problems problems) {
        Map<Path, Entry> last = entries;
        Map<Path, Entry> next = new ConcurrentHashMap<>();
        List<Document> documents = ContentLoader.load(tree, problems, (t, file, own) -> {
            Optional<String> stamp = t.stamp(file);
            Entry known = last.get(file);
            if (stamp.isPresent() && known != null && known.stamp().equals(stamp.get())) {
                next.put(file, known);
                return Optional.of(known.document());
            }
            Optional<Document> read = ContentLoader.readOne(t, file, own);
            if (stamp.isPresent() && own.isEmpty() && read.isPresent() && !read.get().getSource().text().contains("include::")) {
                next.put(file, new Entry(stamp.get(), read.get()));
            }
            return read;
        });
        entries = new HashMap<>(next);
        return documents;
    }

}
