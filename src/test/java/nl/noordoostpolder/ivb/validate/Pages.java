package nl.noordoostpolder.ivb.validate;

import java.nio.file.Path;
import java.util.Optional;

import nl.noordoostpolder.ivb.content.Document;
import nl.noordoostpolder.ivb.source.SourceFile;

/** Small pages for tests: a valid header of each type, to be bent into an invalid one. */
final class Pages {

    private Pages() {
    }

    static String header(String title, String type, String... extra) {
        StringBuilder text = new StringBuilder("= " + title + "\n:jbake-type: " + type
                + "\n:jbake-status: published\n:jbake-date: 2024-01-15\n:jbake-summary: Een zin.\n");
        for (String line : extra) {
            text.append(line).append('\n');
        }
        return text.append("\nTekst.\n").toString();
    }

    static String theme(String title) {
        return header(title, "theme", ":jbake-order: 1");
    }

    static String trend(String title, String theme, int order) {
        return header(title, "trend", ":jbake-theme: " + theme, ":jbake-order: " + order);
    }

    static Optional<Document> read(String path, String text, Problems problems) {
        return DocumentReader.read(SourceFile.of(Path.of(path), path, text), problems);
    }

    static Document valid(String path, String text) {
        Problems problems = new Problems();
        Optional<Document> doc = read(path, text, problems);
        problems.throwIfAny();
        return doc.orElseThrow();
    }
}
