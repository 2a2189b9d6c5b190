package nl.noordoostpolder.ivb.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import nl.noordoostpolder.ivb.testing.SiteUnderTest;

/**
 * A few hostile sources through the real jar in its own process ({@code java -jar target/ivb.jar}), as a user or
 * CI runs it: the exit code the shell sees, {@code file:line: error:} lines on standard error and no stack trace,
 * and the previous site untouched. The in-process {@link HostileSourcesTest} covers every case.
 */
class HostileCliIT {

    private record Result(int exit, String out, String err) {
    }

    private static Result run(Path workDir, String... args) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("ivb.jar", SiteUnderTest.projectDir().resolve("target/ivb.jar").toString()));
        assertTrue(Files.isRegularFile(jar), "no " + jar + "; run mvn package first");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("ivb-cli-out", ".txt"); // not in workDir: its fingerprint must not change
        Path err = Files.createTempFile("ivb-cli-err", ".txt");
        Process process = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            assertTrue(process.waitFor(300, TimeUnit.SECONDS), "the build did not finish");
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            process.destroyForcibly();
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static Workspace workspace(String name) throws IOException {
        return Workspace.create(SiteUnderTest.projectDir(), HostileSourcesTest.casesRoot().resolve("_base"),
                HostileCase.load(HostileSourcesTest.casesRoot().resolve(name)));
    }

    private static void assertNoStackTrace(Result result) {
        assertFalse(result.err().contains("\tat ") || result.err().contains("Exception"), result.err());
    }

    @Test
    void brokenSourcesExitOneWithFileLineErrorsAndLeaveTheOldSite() throws Exception {
        for (String name : List.of("include-absolute-etc-passwd", "passthrough-script", "invalid-date-february-30",
                "template-syntax-error")) {
            try (Workspace ws = workspace(name)) {
                String before = ws.fingerprint();
                Result result = run(ws.root(), "--lang", "en", "build", "source", "--out", "out/site");
                assertEquals(1, result.exit(), name + "\n" + result.err());
                HostileCase hostile = HostileCase.load(HostileSourcesTest.casesRoot().resolve(name));
                List<String> errors = result.err().lines().filter(l -> l.contains(": error: ")).toList();
                assertEquals(hostile.expectedErrors(), errors, name);
                assertTrue(errors.stream().allMatch(l -> l.matches("^[^:]+:\\d+: error: .+")), errors.toString());
                assertNoStackTrace(result);
                assertEquals(before, ws.fingerprint(), name + ": the previous site changed");
                assertFalse(result.err().contains("root:x:0:0"), "nothing of /etc/passwd is printed");
            }
        }
    }

    @Test
    void aGoodSourceBakesAndExitsZero() throws Exception {
        try (Workspace ws = workspace("markup-in-title-and-summary")) {
            Result result = run(ws.root(), "build", "source", "--out", "out/site", "--lang", "en");
            assertEquals(0, result.exit(), result.err());
            assertTrue(result.out().startsWith("Baked "), result.out());
            assertTrue(result.err().isBlank(), result.err());
            SiteSafety.assertNoActiveContent(ws.output());
        }
    }

    @Test
    void wrongUsageExitsTwoAndAMissingFolderExitsOne(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Result usage = run(dir, "build", "--no-such-option");
        assertEquals(2, usage.exit(), usage.err());
        assertNoStackTrace(usage);
        Result missing = run(dir, "build", "bestaat-niet", "--lang", "nl");
        assertEquals(1, missing.exit(), missing.err());
        assertTrue(missing.err().startsWith("content: error: er is geen map content/ in "), missing.err());
        assertNoStackTrace(missing);
        assertFalse(Files.exists(dir.resolve("bestaat-niet")), "nothing was written");
    }
}
