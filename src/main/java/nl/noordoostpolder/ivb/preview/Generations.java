package nl.noordoostpolder.ivb.preview;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;

import nl.noordoostpolder.ivb.bake.StagedOutput;
import nl.noordoostpolder.ivb.i18n.Messages;

/**
 * The preview's output folders. Every good rebuild is written into a new folder ({@code target/preview/site-7}),
 * checked there, and only then served; a rebuild that fails is thrown away, so the browser keeps the last good
 * site. The folder served before the current one is kept a little longer for requests still reading it.
 */
final class Generations implements AutoCloseable {

    static final String LOCK = ".lock";

    private final Path base;
    private final FileChannel lockFile;
    private long counter;
    private Path live;
    private Path previous;

    /**
     * Takes {@code base} for this preview: locks it, so that a second preview of the same sources cannot empty it
     * under the first, then empties it (it belongs to the preview) and starts counting.
     *
     * @throws IllegalStateException when another preview holds the folder
     */
    Generations(Path base) {
        this.base = base.toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.base);
            this.lockFile = FileChannel.open(this.base.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException(Messages.get("preview.cannot-create", this.base), e);
        }
        FileLock lock;
        try {
            lock = lockFile.tryLock();
        } catch (IOException | OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            closeQuietly();
            throw new IllegalStateException(Messages.get("preview.running", this.base));
        }
        try (Stream<Path> old = Files.list(this.base)) {
            old.filter(p -> !p.getFileName().toString().equals(LOCK)).forEach(Generations::deleteTree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Releases the folder for another preview; the last build stays on disk. */
    @Override
    public void close() {
        closeQuietly();
    }

    private void closeQuietly() {
        try {
            lockFile.close();
        } catch (IOException e) {
            // nothing left to release
        }
    }

    Path base() {
        return base;
    }

    /** The folder served now, or null before the first good build. */
    Path live() {
        return live;
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
        StagedOutput.deleteTree(dir);
    }
}
