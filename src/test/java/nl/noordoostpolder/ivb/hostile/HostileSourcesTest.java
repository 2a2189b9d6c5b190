package nl.noordoostpolder.ivb.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import nl.noordoostpolder.ivb.cli.Main;
import nl.noordoostpolder.ivb.testing.SiteUnderTest;

/**
 * Builds every broken or hostile source folder under {@code src/test/resources/hostile/} with the real command line
 * ({@link Main#run(PrintWriter, PrintWriter, String...)}, in this JVM) and checks the exact answer.
 * <p>
 * <b>A case</b> is a folder {@code hostile/<name>/}. Its files are laid over a small valid site (the project's
 * {@code templates/}, {@code assets/} and {@code jbake.properties}, then {@code hostile/_base/content/}), so a case
 * holds only what it breaks, for example one page, or a broken {@code templates/trend.peb}. Optional files:
 * {@code remove.txt} lists paths of the assembled source folder to delete (a theme that was deleted);
 * {@code args.txt} gives the whole command line, one argument per line (default: {@code build {src} --out {out}}).
 * Files that git cannot hold or that are too big to commit (a 20 MB page, binary, invalid UTF-8, a byte order
 * mark, Windows line endings, symbolic links, a FIFO) are made by {@link GeneratedSources} under the case's name.
 * <p>
 * <b>{@code expected.txt}</b> (the run uses {@code --lang en}; every failing case runs once more in Dutch, which must
 * give the same exit code and problems at the same files and lines, none left in English): line 1 is the exact exit code. Every further line that is not blank and does not
 * start with {@code #} is one expected {@code path:line: error: message} line of standard error, in the order the
 * command prints them (by path, then line); together they must be exactly the error lines printed, no more. A line
 * that ends in {@code " ..."} is a prefix: the printed line must start with the text before it (used where the
 * message is long or names a temporary folder). {@code {ws}}, {@code {src}} and {@code {out}} stand for the absolute
 * paths of the case's temporary folder, source folder and output folder. Lines starting with {@code #} say what the
 * case is about.
 * <p>
 * <b>For every case</b>: no stack trace is printed. For a failing case, the output folder, seeded beforehand with an
 * earlier site, is hashed before and after and must be byte-identical, and nothing else may appear beside it (no
 * staging folder left behind). For a case that succeeds, the baked site may carry no script, event handler,
 * {@code javascript:} link or frame the templates did not ask for ({@link SiteSafety}), plus the checks of
 * {@link #SUCCESS_CHECKS}.
 * <p>
 * Run one case: {@code mvn -Dtest=HostileSourcesTest -Divb.hostile=empty-file test}.
 */
class HostileSourcesTest {

    private static final Duration PER_CASE = Duration.ofSeconds(120);

    /** What a successful case must show in its baked site, beyond {@link SiteSafety}. */
    private static final Map<String, Consumer<Path>> SUCCESS_CHECKS = SuccessChecks.all();

    @TestFactory
    Stream<DynamicTest> everyHostileSourceGivesItsExactAnswer() {
        Set<String> only = only();
        return HostileCase.all(casesRoot()).stream()
                .filter(c -> only.isEmpty() || only.contains(c.name()))
                .map(c -> DynamicTest.dynamicTest(c.name(), c.dir().toUri(),
                        () -> assertTimeoutPreemptively(PER_CASE, () -> run(c))));
    }

    @Test
    void everyGeneratedCaseHasAFolderAndEverySuccessCheckACase() {
        Set<String> names = HostileCase.all(casesRoot()).stream().map(HostileCase::name).collect(Collectors.toSet());
        assertTrue(names.containsAll(GeneratedSources.all().keySet()), "generated cases without a folder: "
                + GeneratedSources.all().keySet().stream().filter(n -> !names.contains(n)).toList());
        assertTrue(names.containsAll(SUCCESS_CHECKS.keySet()), "success checks without a case: "
                + SUCCESS_CHECKS.keySet().stream().filter(n -> !names.contains(n)).toList());
        assertTrue(names.size() >= 40, "the suite holds " + names.size() + " cases; it should hold at least 40");
    }

    /** With no earlier site and the default output folder, a build that fails late leaves no trace either. */
    @Test
    void aFailedFirstBuildLeavesNoOutputFolder() throws Exception {
        HostileCase hostile = HostileCase.load(casesRoot().resolve("template-syntax-error"));
        try (Workspace ws = Workspace.create(SiteUnderTest.projectDir(), casesRoot().resolve("_base"), hostile)) {
            StringWriter err = new StringWriter();
            int exit = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "--lang", "en", "build",
                    ws.source().toString());
            assertEquals(1, exit, err.toString());
            assertTrue(err.toString().startsWith("templates/trend.peb:8: error: "), err.toString());
            assertTrue(Files.notExists(ws.source().resolve("target")), "the default output folder target/site, or an "
                    + "empty target/, was left behind");
        }
    }

    private static void run(HostileCase hostile) throws Exception {
        try (Workspace ws = Workspace.create(SiteUnderTest.projectDir(), casesRoot().resolve("_base"), hostile)) {
            GeneratedSources.Generator generator = GeneratedSources.all().get(hostile.name());
            if (generator != null) {
                generator.generate(ws.source(), ws.root());
            }
            String before = ws.fingerprint();
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            List<String> args = arguments(hostile, ws);
            long start = System.nanoTime();
            int exit = Main.run(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
            long millis = (System.nanoTime() - start) / 1_000_000;
            List<String> errLines = err.toString().lines().toList();
            List<String> errors = errLines.stream().filter(l -> l.contains(": error: ") || l.startsWith("error: "))
                    .toList();
            String report = "case " + hostile.name() + " (" + hostile.description() + ")\nexit " + exit + " in "
                    + millis + " ms\nstderr:\n" + err + "stdout:\n" + out;
            if (Boolean.getBoolean("ivb.hostile.print")) {
                System.out.println("=== " + report);
            }
            assertNoStackTrace(errLines, report);
            assertEquals(hostile.exitCode(), exit, "exit code\n" + report);
            assertErrorLines(expected(hostile, ws), errors, report);
            if (hostile.succeeds()) {
                SiteSafety.assertNoActiveContent(ws.output());
                SUCCESS_CHECKS.getOrDefault(hostile.name(), site -> { }).accept(ws.output());
            } else {
                assertEquals(before, ws.fingerprint(), "the previous site changed, or something was left beside it\n"
                        + report + "\nworkspace now: " + listing(ws.root()));
                assertSameProblemsInDutch(hostile, ws, exit, errors);
            }
        }
    }

    /**
     * The same failing case in Dutch (the default language) gives the same exit code and the same problems at the
     * same files and lines, with the unchanged {@code file:line: error: } prefix, and no message left in English.
     */
    private static void assertSameProblemsInDutch(HostileCase hostile, Workspace ws, int englishExit,
                                                  List<String> english) {
        StringWriter err = new StringWriter();
        List<String> args = new ArrayList<>(List.of("--lang", "nl"));
        args.addAll(hostile.extraArgs() != null ? hostile.extraArgs() : List.of("build", "{src}", "--out", "{out}"));
        int exit = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err),
                args.stream().map(a -> substitute(a, ws)).toArray(String[]::new));
        List<String> dutch = err.toString().lines().filter(l -> l.contains(": error: ") || l.startsWith("error: "))
                .toList();
        String report = "case " + hostile.name() + " in Dutch\nEnglish:\n" + String.join("\n", english) + "\nDutch:\n"
                + err;
        assertEquals(englishExit, exit, "exit code in Dutch\n" + report);
        assertEquals(english.size(), dutch.size(), "number of problems in Dutch\n" + report);
        for (int i = 0; i < english.size(); i++) {
            String en = english.get(i);
            String nl = dutch.get(i);
            int cut = en.indexOf("error: ") + "error: ".length();
            assertEquals(en.substring(0, cut), nl.substring(0, Math.min(cut, nl.length())),
                    "file and line in Dutch\n" + report);
            assertTrue(!nl.equals(en), "a message stayed English in Dutch: " + nl + "\n" + report);
        }
    }

    private static List<String> arguments(HostileCase hostile, Workspace ws) {
        List<String> custom = hostile.extraArgs();
        List<String> args = new ArrayList<>(List.of("--lang", "en")); // expected.txt holds the English messages
        args.addAll(custom != null ? custom : List.of("build", "{src}", "--out", "{out}"));
        return args.stream().map(a -> substitute(a, ws)).toList();
    }

    private static List<String> expected(HostileCase hostile, Workspace ws) {
        return hostile.expectedErrors().stream().map(l -> substitute(l, ws)).toList();
    }

    private static String substitute(String text, Workspace ws) {
        return text.replace("{ws}", ws.root().toString()).replace("{src}", ws.source().toString())
                .replace("{out}", ws.output().toString());
    }

    private static void assertErrorLines(List<String> expected, List<String> actual, String report) {
        boolean same = expected.size() == actual.size();
        for (int i = 0; same && i < expected.size(); i++) {
            same = HostileCase.matches(expected.get(i), actual.get(i));
        }
        if (!same) {
            fail("error lines differ\nexpected:\n" + String.join("\n", expected) + "\nactual:\n"
                    + String.join("\n", actual) + "\n" + report);
        }
    }

    private static void assertNoStackTrace(List<String> errLines, String report) {
        for (String line : errLines) {
            if (line.matches("\\s+at [\\w.$/]+\\(.*\\)\\s*") || line.contains("--verbose")) {
                fail("a stack trace or an unexpected failure was printed\n" + report);
            }
        }
    }

    private static String listing(Path root) {
        try (Stream<Path> walk = Files.walk(root, 3)) {
            return walk.map(p -> root.relativize(p).toString()).filter(p -> !p.startsWith("source"))
                    .sorted().collect(Collectors.joining(", "));
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    private static Set<String> only() {
        String value = System.getProperty("ivb.hostile", "");
        return value.isBlank() ? Set.of() : Arrays.stream(value.split(",")).map(String::strip).collect(Collectors.toSet());
    }

    static Path casesRoot() {
        try {
            return Path.of(HostileSourcesTest.class.getResource("/hostile").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
