package nl.noordoostpolder.ivb.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import nl.noordoostpolder.ivb.content.PolicyDownload;
import nl.noordoostpolder.ivb.convert.AsciidocConverter;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
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

    static void copyTree(Path from, Path to) throws IOException {
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

    /**
     * Fails with the first difference unless {@code served} holds byte for byte what a preview of {@code source}
     * built from scratch serves, search index included: the guarantee of {@link PreviewBuilder} after any edit.
     * The fresh preview is built in {@code scratch}, emptied first.
     */
    static void assertSameAsFreshPreview(Path source, Supplier<AsciidocConverter> converter, Path scratch, Path served) {
        LiveSite fresh = new LiveSite();
        try (PreviewBuilder full = new PreviewBuilder(source, converter, scratch, fresh, 2)) {
            assertEquals(List.of(), full.rebuild().problems());
            full.awaitSearchIndex();
            assertSameSite(fresh.current().root(), served);
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
        assertSameSite(expected, actual, false);
    }

    /**
     * Fails with the first difference between a build and a preview of the same sources: the same files with the
     * same bytes, except for the one thing the preview does on purpose differently. It makes the PDF of the whole
     * policy only when asked for, so it has no such file, and its download links say "(PDF)" without a size.
     */
    static void assertSameSiteAsBuild(Path built, Path preview) {
        assertSameSite(built, preview, true);
    }

    private static void assertSameSite(Path expected, Path actual, boolean previewOfBuild) {
        List<String> expectedFiles = files(expected).stream()
                .filter(f -> !previewOfBuild || !f.equals(PolicyDownload.FILE)).toList();
        assertEquals(expectedFiles, files(actual), "the same files");
        for (String name : expectedFiles) {
            try {
                byte[] a = Files.readAllBytes(expected.resolve(name));
                if (previewOfBuild && name.endsWith(".html")) {
                    a = new String(a, java.nio.charset.StandardCharsets.UTF_8)
                            .replaceAll("\\(PDF, [0-9,]+ [kM]B\\)", "(PDF)").getBytes(java.nio.charset.StandardCharsets.UTF_8);
                }
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
