package nl.noordoostpolder.ivb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import nl.noordoostpolder.ivb.i18n.Language;
import nl.noordoostpolder.ivb.i18n.Messages;
import nl.noordoostpolder.ivb.validate.Problem;

/**
 * In GitHub Actions every problem is also printed as an {@code ::error} workflow command with its path from the
 * repository root, its line and an escaped message; anywhere else nothing extra is printed. The environment is given
 * as a map, so these tests do not depend on where they run.
 */
class GitHubAnnotationsTest {

    private static final Path REPO = Path.of("/home/runner/work/ivb/ivb");
    private static final Map<String, String> ACTIONS = Map.of("GITHUB_ACTIONS", "true",
            "GITHUB_WORKSPACE", REPO.toString());
    private static final String TITLE = GitHubAnnotations.escapeProperty(Messages.get("gh.annotation.title"));

    @Test
    void aProblemBecomesAnErrorOnItsFileAndLine() {
        String command = GitHubAnnotations.from(ACTIONS, REPO).command(
                new Problem("content/trends/x.adoc", 6, "onbekend thema 'cyber'"), REPO);
        assertEquals("::error file=content/trends/x.adoc,line=6,title=" + TITLE + "::onbekend thema 'cyber'", command);
    }

    @Test
    void aSourceFolderBelowTheRepositoryRootIsPutInFrontOfThePath() {
        String command = GitHubAnnotations.from(ACTIONS, REPO).command(
                new Problem("content/themes/a.adoc", 2, "m"), REPO.resolve("site"));
        assertTrue(command.startsWith("::error file=site/content/themes/a.adoc,line=2,"), command);
    }

    @Test
    void withoutGitHubWorkspaceTheWorkingFolderIsTheRoot() {
        GitHubAnnotations annotations = GitHubAnnotations.from(Map.of("GITHUB_ACTIONS", "true"), REPO);
        assertTrue(annotations.command(new Problem("content/a.adoc", 1, "m"), REPO.resolve("docs/site"))
                .startsWith("::error file=docs/site/content/a.adoc,line=1,"));
    }

    @Test
    void aWholeFileProblemHasNoLineAndAnOptionProblemNoFile() {
        GitHubAnnotations annotations = GitHubAnnotations.from(ACTIONS, REPO);
        assertEquals("::error file=content/a.adoc,title=" + TITLE + "::m",
                annotations.command(Problem.ofFile("content/a.adoc", "m"), REPO));
        assertEquals("::error title=" + TITLE + "::adres fout",
                annotations.command(Problem.ofFile("--base-url", "adres fout"), REPO));
        assertEquals("::error title=" + TITLE + "::buiten",
                annotations.command(new Problem("x.adoc", 1, "buiten"), Path.of("/elders")),
                "a file outside the repository cannot be annotated on a line");
    }

    @Test
    void messageAndPropertiesAreEscapedAsGitHubRequires() {
        assertEquals("100%25 af%0D%0Avolgende: regel, ja", GitHubAnnotations.escapeData("100% af\r\nvolgende: regel, ja"));
        assertEquals("a%3Ab%2Cc%25d%0Ae", GitHubAnnotations.escapeProperty("a:b,c%d\ne"));
        String command = GitHubAnnotations.from(ACTIONS, REPO).command(
                new Problem("content/a,b:c.adoc", 3, "regel 1\nregel 2 met ::error"), REPO);
        assertEquals("::error file=content/a%2Cb%3Ac.adoc,line=3,title=" + TITLE + "::regel 1%0Aregel 2 met ::error",
                command);
        assertEquals(1, command.lines().count(), "one workflow command, one line");
    }

    @Test
    void printsOneCommandPerProblemOnlyInGitHubActions() {
        List<Problem> problems = List.of(new Problem("content/a.adoc", 1, "een"), new Problem("content/b.adoc", 2, "twee"));
        assertEquals(List.of("::error file=content/a.adoc,line=1,title=" + TITLE + "::een",
                "::error file=content/b.adoc,line=2,title=" + TITLE + "::twee"),
                printed(GitHubAnnotations.from(ACTIONS, REPO), problems));
        for (Map<String, String> elsewhere : List.of(Map.<String, String>of(), Map.of("GITHUB_ACTIONS", "false"),
                Map.of("CI", "true"))) {
            assertFalse(GitHubAnnotations.from(elsewhere, REPO).enabled(), elsewhere.toString());
            assertEquals(List.of(), printed(GitHubAnnotations.from(elsewhere, REPO), problems), elsewhere.toString());
        }
    }

    @Test
    void theTitleIsDutchByDefaultAndEnglishOnRequest() {
        assertEquals("Fout in de bronbestanden", Messages.in(Language.NL, "gh.annotation.title"));
        assertEquals("Problem in the sources", Messages.in(Language.EN, "gh.annotation.title"));
    }

    private static List<String> printed(GitHubAnnotations annotations, List<Problem> problems) {
        StringWriter text = new StringWriter();
        annotations.print(problems, REPO, new PrintWriter(text));
        return text.toString().lines().toList();
    }
}
