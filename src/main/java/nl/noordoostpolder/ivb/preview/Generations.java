package nl.noordoostpolder.ivb.preview;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The preview's output folders. Every good rebuild is written into a new folder ({@code target/preview/site-7}),
 * checked there, and only then served; a rebuild that fails is thrown away, so the browser keeps the last good
 * site. The folder served before the current one is kept a little longer for requests still reading it.
 */
final class Generations {

    private final Path base;
    private long counter;
    private Path live;
    private Path previous;

    /** Empties {@code base} (it belongs to the preview) and starts counting. */
    Generations(Path base) {
        this.base = base.toAbsolutePath().normalize();
        deleteTree(this.base);
        try {
            Files.createDirectories(this.base);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the preview folder " + this.base, e);
        }
    }

    Path base() {
        return base;
    }

    /** A new, empty folder for the next build. */
    Path create() {
        Path dir = base.resolve("site-" + (++counter));
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    /** {@code dir} is now served; the one before the previous one is deleted. */
    void publish(Path dir) {
        Path oldest = previous;
        previous = live;
        live = dir;
        if (oldest != null) {
            deleteTree(oldest);
        }
    }

    /** A build that failed: its folder is deleted. */
    void discard(Path dir) {
        deleteTree(dir);
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
