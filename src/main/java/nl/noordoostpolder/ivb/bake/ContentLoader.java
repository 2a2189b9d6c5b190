package nl.noordoostpolder.ivb.bake;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import nl.noordoostpolder.ivb.content.Document;
import nl.noordoostpolder.ivb.convert.IncludeGuard;
import nl.noordoostpolder.ivb.source.SourceFile;
import nl.noordoostpolder.ivb.source.SourceReader;
import nl.noordoostpolder.ivb.source.SourceTree;
import nl.noordoostpolder.ivb.validate.ContentException;
import nl.noordoostpolder.ivb.validate.DocumentReader;
import nl.noordoostpolder.ivb.validate.Problems;
import nl.noordoostpolder.ivb.validate.ReferenceValidator;
import nl.noordoostpolder.ivb.i18n.Messages;

/**
 * Reads every page of a source folder once and checks it: the file, its header and its references. Bodies are
 * converted later, in parallel.
 */
public final class ContentLoader {

    private ContentLoader() {
    }

    /** Reads and checks one page file; a problem goes to the given list, and the result is then empty. */
    @FunctionalInterface
    public interface PageReader {
        Optional<Document> read(SourceTree tree, Path file, Problems problems);
    }

    /** All documents that could be read, drafts included; every problem found goes to {@code problems}. */
    public static List<Document> load(SourceTree tree, Problems problems) {
        return load(tree, problems, ContentLoader::readOne);
    }

    /**
     * As {@link #load(SourceTree, Problems)}, with {@code reader} reading each page (the preview's reads again only
     * the files that were saved); the checks across pages run on every page as always.
     */
    public static List<Document> load(SourceTree tree, Problems problems, PageReader reader) {
        // read in parallel, each file with its own problems, then gather in file order: the same result as one by one
        record Read(Optional<Document> document, Problems problems) {
        }
        List<Read> reads = tree.pages().parallelStream().map(file -> {
            Problems own = new Problems();
            return new Read(reader.read(tree, file, own), own);
        }).toList();
        List<Document> documents = new ArrayList<>();
        for (Read read : reads) {
            problems.addAll(read.problems().list());
            read.document().ifPresent(documents::add);
        }
        ReferenceValidator.check(documents, problems);
        for (Path fragment : tree.fragments()) {
            checkFragment(tree, fragment, problems);
        }
        return documents;
    }

    /** Shared text for includes is read by Asciidoctor itself; check it as strictly as a page first. */
    private static void checkFragment(SourceTree tree, Path file, Problems problems) {
        try {
            IncludeGuard.check(SourceReader.read(file, tree.relative(file)), tree.content(), problems);
        } catch (ContentException e) {
            problems.addAll(e.problems());
        }
    }

    /** Reads and checks one file; empty when it has a problem. */
    public static Optional<Document> readOne(SourceTree tree, Path file, Problems problems) {
        String path = tree.relative(file);
        if (Files.isDirectory(file)) {
            problems.add(path, 1, Messages.get("tree.folder.adoc"));
            return Optional.empty();
        }
        try {
            SourceFile source = SourceReader.read(file, path);
            return DocumentReader.read(source, problems);
        } catch (ContentException e) {
            problems.addAll(e.problems());
            return Optional.empty();
        }
    }
}
