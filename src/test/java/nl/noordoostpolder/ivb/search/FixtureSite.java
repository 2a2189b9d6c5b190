package nl.noordoostpolder.ivb.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import nl.noordoostpolder.ivb.bake.BakeOptions;
import nl.noordoostpolder.ivb.bake.Bakery;
import nl.noordoostpolder.ivb.testing.SiteUnderTest;

/**
 * The project's own sources plus a few test pages from {@code src/test/resources/<name>/}, baked with the real
 * {@link Bakery} into {@code target/<name>/site}: a site with content the real one must never publish.
 */
final class FixtureSite {

    private FixtureSite() {
    }

    static Path bake(String name) {
        Path project = SiteUnderTest.projectDir();
        Path work = project.resolve("target").resolve(name);
        Path source = work.resolve("src");
        try {
            deleteTree(work);
            for (String part : List.of("content", "templates", "assets")) {
                copyTree(project.resolve(part), source.resolve(part));
            }
            Files.copy(project.resolve("jbake.properties"), source.resolve("jbake.properties"));
            copyTree(project.resolve("src/test/resources").resolve(name), source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path site = work.resolve("site");
        try (Bakery bakery = new Bakery(source, BakeOptions.defaults())) {
            bakery.build(site);
        }
        return site;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }
}
