package nl.noordoostpolder.ivb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.noordoostpolder.ivb.testing.SiteUnderTest;

/**
 * The real jar in its own process, as the workflow's check job runs it: with {@code GITHUB_ACTIONS=true} a broken
 * page gives, besides the unchanged {@code file:line: error:} line, an {@code ::error} annotation naming that file
 * (from the repository root, here with the site in a subfolder) and line; without it, no annotation.
 */
class GitHubAnnotationsIT {

    @TempDir
    static Path repository;

    @BeforeAll
    static void aRepositoryWithTheSiteInASubfolderAndABrokenTrend() throws IOException {
        Path project = SiteUnderTest.projectDir();
        Path site = repository.resolve("site");
        copy(project.resolve("src/test/resources/hostile/_base/content"), site.resolve("content"));
        copy(project.resolve("templates"), site.resolve("templates"));
        copy(project.resolve("assets"), site.resolve("assets"));
        Files.copy(project.resolve("jbake.properties"), site.resolve("jbake.properties"));
        Path trend = site.resolve("content/trends/trend-a.adoc");
        String text = Files.readString(trend, StandardCharsets.UTF_8);
        assertTrue(text.lines().toList().get(5).equals(":jbake-theme: thema-a"), "line 6 names the theme");
        Files.writeString(trend, text.replace(":jbake-theme: thema-a", ":jbake-theme: bestaat-niet"),
                StandardCharsets.UTF_8);
    }

    @Test
    void inGitHubActionsAProblemIsAlsoAnAnnotationOnItsFileAndLine() throws Exception {
        Result result = check(Map.of("GITHUB_ACTIONS", "true", "GITHUB_WORKSPACE", repository.toString()));
        assertEquals(1, result.exit, result.err);
        List<String> lines = result.err.lines().toList();
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("content/trends/trend-a.adoc:6: error: ")), result.err);
        List<String> annotations = lines.stream().filter(l -> l.startsWith("::error ")).toList();
        long plain = lines.stream().filter(l -> l.matches("^[^:]+:\\d+: error: .+")).count();
        assertEquals(plain, annotations.size(), "one annotation per problem\n" + result.err);
        assertTrue(annotations.stream().anyMatch(a -> a.startsWith(
                "::error file=site/content/trends/trend-a.adoc,line=6,title=") && a.contains("bestaat-niet")),
                result.err);
    }

    @Test
    void elsewhereOnlyThePlainLine() throws Exception {
        Result result = check(Map.of());
        assertEquals(1, result.exit, result.err);
        assertTrue(result.err.contains("content/trends/trend-a.adoc:6: error: "), result.err);
        assertFalse(result.err.contains("::error"), result.err);
    }

    private record Result(int exit, String err) {
    }

    /** {@code java -jar target/ivb.jar check site} in the repository, with exactly these GitHub variables. */
    private static Result check(Map<String, String> github) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("ivb.jar", SiteUnderTest.projectDir().resolve("target/ivb.jar").toString()));
        assertTrue(Files.isRegularFile(jar), "no " + jar + "; run mvn package first");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "check", "site").directory(repository.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("GITHUB_"));
        builder.environment().putAll(github);
        Path err = Files.createTempFile("ivb-annotations", ".txt");
        Process process = builder.redirectError(err.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            assertTrue(process.waitFor(300, TimeUnit.SECONDS), "check did not finish");
            return new Result(process.exitValue(), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            process.destroyForcibly();
            Files.deleteIfExists(err);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }
}
