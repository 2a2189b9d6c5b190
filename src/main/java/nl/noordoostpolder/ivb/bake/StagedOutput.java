package nl.noordoostpolder.ivb.bake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.stream.Stream;

import nl.noordoostpolder.ivb.validate.ContentException;
import nl.noordoostpolder.ivb.validate.Problem;
import nl.noordoostpolder.ivb.i18n.Messages;

/**
 * A site is baked into a staging folder next to the output folder and moved into place only when everything
 * succeeded, so a failed build never leaves a half-written or empty site where the previous good one was.
 */
public final class StagedOutput implements AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path target;
    private final Path staging;
    private boolean committed;

    /** The folders this bake created to hold the staging folder, removed again if the bake fails. */
    private final Path createdFrom;

    private StagedOutput(Path target, Path staging, Path createdFrom) {
        this.target = target;
        this.staging = staging;
        this.createdFrom = createdFrom;
    }

    /** Creates an empty staging folder beside {@code target}. */
    public static StagedOutput beside(Path target) {
        Path absolute = target.toAbsolutePath().normalize();
        Path parent = absolute.getParent();
        if (parent == null) {
            throw new ContentException(Problem.ofFile(absolute.toString(), Messages.get("output.root")));
        }
        try {
            if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
                throw new ContentException(Problem.ofFile(absolute.toString(),
                        Messages.get("output.is-file")));
            }
            checkNotForeign(absolute);
            Path blocker = firstExisting(parent);
            if (!Files.isDirectory(blocker)) {
                throw new ContentException(Problem.ofFile(absolute.toString(), Messages.get("output.blocked", blocker)));
            }
            Path createdFrom = Files.exists(parent) ? null : topmostMissing(parent);
            Files.createDirectories(parent);
            Path staging = createStagingFolder(parent, "." + absolute.getFileName() + ".staging-");
            return new StagedOutput(absolute, staging, createdFrom);
        } catch (AccessDeniedException e) {
            throw cannotWrite(absolute, Messages.get("output.denied"));
        } catch (FileSystemException e) {
            throw cannotWrite(absolute, e.getReason() == null ? e.getMessage() : e.getReason());
        } catch (IOException e) {
            throw cannotWrite(absolute, e.getMessage());
        }
    }

    /**
     * Creates a new, uniquely named folder with the permissions of the user's umask ({@code 755} under umask
     * {@code 022}), like every folder inside the site. {@code Files.createTempDirectory} would make it {@code 700}
     * on POSIX systems, and once moved into place that mode would be copied by {@code rsync -a}, {@code cp -a} or
     * {@code tar} onto a server, where a web server running as another user could then read nothing.
     */
    static Path createStagingFolder(Path parent, String prefix) throws IOException {
        while (true) {
            Path candidate = parent.resolve(prefix + Long.toUnsignedString(RANDOM.nextLong(), 36));
            try {
                return Files.createDirectory(candidate);
            } catch (FileAlreadyExistsException taken) {
                // another bake (or a leftover) holds this name: draw again
            }
        }
    }

    /**
     * A build replaces the whole output folder. A folder that holds files but no site ({@code index.html}) is not an
     * earlier build, and replacing it would delete someone's files: refuse it.
     */
    private static void checkNotForeign(Path target) throws IOException {
        if (!Files.isDirectory(target) || Files.isRegularFile(target.resolve("index.html"))) {
            return;
        }
        try (Stream<Path> entries = Files.list(target)) {
            // hidden files such as .nojekyll do not make a folder someone's: CI folders often hold one
            if (entries.anyMatch(p -> !p.getFileName().toString().startsWith("."))) {
                throw new ContentException(Problem.ofFile(target.toString(), Messages.get("output.foreign")));
            }
        }
    }

    private static Path firstExisting(Path dir) {
        Path p = dir;
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        return p == null ? dir.getRoot() : p;
    }

    public Path folder() {
        return staging;
    }

    public Path target() {
        return target;
    }

    /** Replaces the output folder by the staged site. */
    public void commit() {
        Path old = target.resolveSibling("." + target.getFileName() + ".previous-" + System.nanoTime());
        try {
            boolean hadOld = Files.exists(target);
            if (hadOld) {
                Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            committed = true;
            if (hadOld) {
                deleteTree(old);
            }
        } catch (IOException e) {
            if (Files.exists(old) && !Files.exists(target)) {
                try {
                    Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException restore) {
                    e.addSuppressed(restore);
                }
            }
            throw cannotWrite(target, e.getMessage());
        }
    }

    /** Removes the staging folder, and the folders made for it, unless it was committed. */
    @Override
    public void close() {
        if (!committed) {
            deleteTree(staging);
            if (createdFrom != null) {
                deleteTree(createdFrom); // a failed first build leaves no empty target/ behind either
            }
        }
    }

    private static Path topmostMissing(Path dir) {
        Path p = dir;
        while (p.getParent() != null && !Files.exists(p.getParent())) {
            p = p.getParent();
        }
        return p;
    }

    /** Deletes a folder and everything in it; nothing happens when it does not exist. */
    public static void deleteTree(Path dir) {
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

    private static ContentException cannotWrite(Path target, String why) {
        return new ContentException(Problem.ofFile(target.toString(), Messages.get("output.cannot-write", why)));
    }
}
