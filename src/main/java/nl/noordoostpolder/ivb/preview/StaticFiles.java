package nl.noordoostpolder.ivb.preview;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import nl.noordoostpolder.ivb.source.SourceTree;

/**
 * The files a bake copies as they are, as JBake's {@code Asset} does during {@code build}: the contents of
 * {@code assets/} to the site root, then the images and documents of {@code content/} to the same place relative to
 * the site root.
 */
final class StaticFiles {

    private record Copy(Path from, String to, long size, long modified) {
    }

    private final List<Copy> copies;

    private StaticFiles(List<Copy> copies) {
        this.copies = copies;
    }

    static StaticFiles of(SourceTree tree) {
        List<Copy> copies = new ArrayList<>();
        Path assets = tree.root().resolve("assets");
        if (Files.isDirectory(assets)) {
            try (Stream<Path> files = Files.walk(assets)) {
                files.filter(Files::isRegularFile).sorted()
                        .forEach(f -> copies.add(copy(f, assets.relativize(f).toString().replace('\\', '/'))));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        for (Path file : tree.staticFiles()) {
            copies.add(copy(file, tree.content().relativize(file).toString().replace('\\', '/')));
        }
        return new StaticFiles(copies);
    }

    private static Copy copy(Path from, String to) {
        try {
            return new Copy(from, to, Files.size(from), Files.getLastModifiedTime(from).toMillis());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies every file into {@code site}; a later file of the same name replaces an earlier one, as in JBake. */
    void copyInto(Path site) {
        for (Copy copy : copies) {
            Path target = site.resolve(copy.to());
            try {
                Files.createDirectories(target.getParent());
                Files.copy(copy.from(), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Equal when the same files with the same sizes and times would be copied. */
    boolean sameAs(StaticFiles other) {
        return other != null && copies.equals(other.copies);
    }

    int count() {
        return copies.size();
    }
}
