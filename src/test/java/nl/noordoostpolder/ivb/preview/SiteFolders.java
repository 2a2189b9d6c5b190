package nl.noordoostpolder.ivb.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/** Copies of the project's sources for tests that edit them, and comparison of two baked sites. */
final class SiteFolders {

    private SiteFolders() {
    }

    /** Copies content/, templates/, assets/ and jbake.properties of {@code project} into {@code target}. */
    static Path copySources(Path project, Path target) {
        try {
            for (String name : List.of("content", "templates", "assets")) {
                copyTree(project.resolve(name), target.resolve(name));
            }
            Files.copy(project.resolve("jbake.properties"), target.resolve("jbake.properties"));
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path t = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(f, t, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    static List<String> files(Path site) {
        try (Stream<Path> files = Files.walk(site)) {
            return files.filter(Files::isRegularFile).map(f -> site.relativize(f).toString().replace('\\', '/'))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fails with the first difference unless both folders hold the same files with the same bytes. */
    static void assertSameSite(Path expected, Path actual) {
        assertEquals(files(expected), files(actual), "the same files");
        for (String name : files(expected)) {
            try {
                byte[] a = Files.readAllBytes(expected.resolve(name));
                byte[] b = Files.readAllBytes(actual.resolve(name));
                if (!Arrays.equals(a, b)) {
                    fail(name + " differs:\n--- expected\n" + new String(a, java.nio.charset.StandardCharsets.UTF_8)
                            + "\n--- actual\n" + new String(b, java.nio.charset.StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
