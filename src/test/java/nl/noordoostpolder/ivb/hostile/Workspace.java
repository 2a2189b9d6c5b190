package nl.noordoostpolder.ivb.hostile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A throw-away folder for one hostile case: {@code source/} (the project's templates, assets and
 * {@code jbake.properties}, the small base site of {@code hostile/_base/}, then the case's own files laid over it)
 * and {@code out/site/}, an earlier site of known content that a failed build must leave byte-identical.
 */
final class Workspace implements AutoCloseable {

    private final Path root;

    private Workspace(Path root) {
        this.root = root;
    }

    static Workspace create(Path projectDir, Path baseCase, HostileCase hostile) throws IOException {
        Path root = Files.createTempDirectory("ivb-hostile-" + hostile.name() + "-");
        Workspace ws = new Workspace(root);
        Path source = ws.source();
        Files.createDirectories(source);
        copyTree(projectDir.resolve("templates"), source.resolve("templates"));
        copyTree(projectDir.resolve("assets"), source.resolve("assets"));
        Files.copy(projectDir.resolve("jbake.properties"), source.resolve("jbake.properties"));
        copyTree(baseCase, source);
        copyTree(hostile.dir(), source);
        for (String name : new String[] {HostileCase.EXPECTED, HostileCase.REMOVE, HostileCase.ARGS}) {
            Files.deleteIfExists(source.resolve(name));
        }
        for (String removal : hostile.removals()) {
            delete(source.resolve(removal));
        }
        ws.seedPreviousSite();
        return ws;
    }

    Path root() {
        return root;
    }

    Path source() {
        return root.resolve("source");
    }

    Path output() {
        return root.resolve("out/site");
    }

    /** Everything but the sources: the previous site, and whatever else a case put next to it. */
    String fingerprint() {
        Path source = source();
        return TreeHash.of(root, p -> !p.startsWith(source));
    }

    private void seedPreviousSite() throws IOException {
        Path out = output();
        Files.createDirectories(out.resolve("trends"));
        Files.createDirectories(out.resolve("css"));
        Files.writeString(out.resolve("index.html"), "<!DOCTYPE html><title>Vorige site</title><p>Vorige versie.</p>\n",
                StandardCharsets.UTF_8);
        Files.writeString(out.resolve("trends/oud.html"), "<!DOCTYPE html><title>Oud</title>\n", StandardCharsets.UTF_8);
        Files.writeString(out.resolve("css/site.css"), "body { color: black; }\n", StandardCharsets.UTF_8);
        Files.write(out.resolve("logo.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2, 3});
    }

    static void copyTree(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.REPLACE_EXISTING);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    static void delete(Path path) throws IOException {
        if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (Files.isSymbolicLink(path) || !Files.isDirectory(path)) {
            Files.delete(path);
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Override
    public void close() {
        try {
            delete(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
