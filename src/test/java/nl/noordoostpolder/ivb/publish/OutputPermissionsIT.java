package nl.noordoostpolder.ivb.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import nl.noordoostpolder.ivb.testing.SiteUnderTest;
import nl.noordoostpolder.ivb.testing.Umask;

/**
 * The output folder gets the permissions of the user's umask like every folder inside it ({@code 755} under umask
 * {@code 022}): {@code rsync -a}, {@code cp -a} and {@code tar} copy the folder's own mode onto the server, and a web
 * server running as another user must be able to enter it. Checked for the site {@code mvn package} baked and for a
 * {@code java -jar target/ivb.jar build --out} into a folder that did not exist yet.
 */
class OutputPermissionsIT {

    private static final Path SCRATCH = Path.of(System.getProperty("java.io.tmpdir"));

    @Test
    void theSiteMavenPackageBakedAndEveryFolderInItHaveTheUmasksMode() throws IOException {
        Umask.assumePosix();
        Path site = SiteUnderTest.bakedSite();
        assertEveryFolderHasTheUmasksMode(site);
    }

    @Test
    void aBuildWithOutIntoANewFolderGivesItTheUmasksMode() throws Exception {
        Umask.assumePosix();
        Path parent = Files.createTempDirectory(SCRATCH, "permissions-it-");
        Path site = parent.resolve("nieuw/site");
        Path jar = Path.of(System.getProperty("ivb.jar", SiteUnderTest.projectDir().resolve("target/ivb.jar").toString()));
        assertTrue(Files.isRegularFile(jar), "no " + jar + "; run mvn package first");
        Path log = parent.resolve("build.log");
        Process build = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "build", SiteUnderTest.projectDir().toString(), "--out", site.toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            assertTrue(build.waitFor(300, TimeUnit.SECONDS), "the build did not finish");
            assertEquals(0, build.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            build.destroyForcibly();
        }
        Umask.assertUmaskMode(parent.resolve("nieuw"), SCRATCH);
        assertEveryFolderHasTheUmasksMode(site);
    }

    private static void assertEveryFolderHasTheUmasksMode(Path site) throws IOException {
        Umask.assertUmaskMode(site, SCRATCH);
        try (Stream<Path> all = Files.walk(site)) {
            List<Path> folders = all.filter(Files::isDirectory).toList();
            assertTrue(folders.size() > 3, "only " + folders.size() + " folders in " + site);
            folders.forEach(folder -> Umask.assertUmaskMode(folder, SCRATCH));
        }
    }
}
