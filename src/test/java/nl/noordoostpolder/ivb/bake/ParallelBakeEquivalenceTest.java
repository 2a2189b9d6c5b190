package nl.noordoostpolder.ivb.bake;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.noordoostpolder.ivb.testing.SiteUnderTest;

/**
 * The optimised bake (pages converted and rendered on several threads at once) must write exactly what the
 * straightforward bake (one page after the other, on one thread) writes: every file, byte for byte.
 */
class ParallelBakeEquivalenceTest {

    @Test
    void parallelBakeWritesTheSameFilesAsASequentialBake(@TempDir Path temp) throws IOException {
        Path project = SiteUnderTest.projectDir();
        Path sequential = temp.resolve("sequential");
        Path parallel = temp.resolve("parallel");
        try (Bakery bakery = new Bakery(project, BakeOptions.defaults().withThreads(1))) {
            bakery.build(sequential);
        }
        try (Bakery bakery = new Bakery(project, BakeOptions.defaults().withThreads(4))) {
            bakery.build(parallel);
        }
        List<Path> files = files(sequential);
        assertEquals(files, files(parallel), "the same files");
        assertEquals(true, files.size() > 40, "the real site has more than 40 files, got " + files.size());
        for (Path file : files) {
            assertArrayEquals(Files.readAllBytes(sequential.resolve(file)), Files.readAllBytes(parallel.resolve(file)),
                    file + " differs between the sequential and the parallel bake");
        }
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }
}
