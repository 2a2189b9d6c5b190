package nl.noordoostpolder.ivb.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import nl.noordoostpolder.ivb.source.SourceFile;
import nl.noordoostpolder.ivb.validate.Problems;
import org.junit.jupiter.api.extension.ExtendWith;
import nl.noordoostpolder.ivb.testing.InEnglish;

@ExtendWith(InEnglish.class) // these tests assert the English text of the messages
class IncludeGuardTest {

    @TempDir
    Path root;
    private Path content;
    private final Problems problems = new Problems();

    @BeforeEach
    void createContent() throws IOException {
        content = Files.createDirectories(root.resolve("content"));
        Files.createDirectories(content.resolve("trends"));
    }

    private Optional<String> prepare(String body) {
        SourceFile page = SourceFile.of(content.resolve("trends/x.adoc"), "content/trends/x.adoc", "= T\n\n" + body);
        return IncludeGuard.prepare(page, content, problems);
    }

    @Test
    void sharedTextIsRewrittenToItsPathFromContentKeepingTheLines() {
        String text = prepare("include::_deel.adoc[lines=1..2]\n\ninclude::../_gedeeld/zin.adoc[]\n"
                + "[cols=1a]\n|===\na|include::_cel.adoc[]\n|===\nifdef::x[include::_als.adoc[]]\n").orElseThrow();
        assertEquals("= T\n\ninclude::trends/_deel.adoc[lines=1..2]\n\ninclude::_gedeeld/zin.adoc[]\n[cols=1a]\n|===\n"
                + "a|include::trends/_cel.adoc[]\n|===\nifdef::x[include::trends/_als.adoc[]]\n", text);
        assertTrue(problems.isEmpty(), problems.list().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/etc/passwd", "../../../../etc/passwd", "../../jbake.properties", "https://example.org/x.adoc",
            "file:///etc/passwd", "C:\\Windows\\win.ini", "~/.ssh/id_rsa", "{pad}", "x.adoc", "../index.adoc",
            "_deel/../../../etc/passwd", "..", ""})
    void everyIncludeThatCouldLeaveContentOrIncludeAPageIsRefusedWithItsLine(String target) {
        assertTrue(prepare("Tekst.\n\ninclude::" + target + "[]\n").isEmpty(), target);
        assertEquals(1, problems.size(), problems.list().toString());
        assertEquals(5, problems.list().get(0).line());
        assertTrue(problems.list().get(0).message().startsWith("include of '" + target.strip() + "' refused: "),
                problems.list().get(0).message());
    }

    @Test
    void includesInTableCellsAndOneLineConditionsAreCheckedToo() {
        assertTrue(prepare("|===\na|include::/etc/passwd[]\n|===\nifndef::x[include::../../../etc/hosts[]]\n").isEmpty());
        assertEquals(List.of(4, 6), problems.list().stream().map(p -> p.line()).toList());
    }

    @Test
    void anEscapedIncludeIsText() {
        assertEquals("= T\n\n\\include::/etc/passwd[]\n", prepare("\\include::/etc/passwd[]\n").orElseThrow());
        assertTrue(problems.isEmpty());
    }

    @Test
    void aLoopOfSharedTextIsRefusedBeforeAsciidoctorRunsIt() throws IOException {
        Files.writeString(content.resolve("trends/_een.adoc"), "Een.\n\ninclude::_twee.adoc[]\n");
        Files.writeString(content.resolve("trends/_twee.adoc"), "Twee.\ninclude::../trends/_een.adoc[]\n");
        assertTrue(prepare("Tekst.\n\ninclude::_een.adoc[]\n").isEmpty());
        assertEquals("include of '_een.adoc' refused: the shared text includes itself in a loop (content/trends/_een.adoc "
                + "-> content/trends/_twee.adoc -> content/trends/_een.adoc). Remove one of these includes.",
                problems.list().get(0).message());
        assertEquals(5, problems.list().get(0).line());
    }

    @Test
    void sharedTextThatMultipliesIsRefused() throws IOException {
        // each level includes the next ten times: 111111 files from one include; sixteen levels would never finish
        for (int level = 0; level < 6; level++) {
            String next = "include::_niveau" + (level + 1) + ".adoc[]\n";
            Files.writeString(content.resolve("trends/_niveau" + level + ".adoc"), level == 5 ? "Tekst.\n" : next.repeat(10));
        }
        assertTrue(prepare("include::_niveau0.adoc[]\n").isEmpty());
        assertEquals("include of '_niveau0.adoc' refused: with the includes in it, it reads 111111 files, more "
                + "than 200. Include fewer files.", problems.list().get(0).message());
    }

    @Test
    void theSameSharedTextTwiceIsNoLoop() throws IOException {
        Files.writeString(content.resolve("trends/_zin.adoc"), "Zin.\n");
        Files.writeString(content.resolve("trends/_twee.adoc"), "include::_zin.adoc[]\ninclude::_zin.adoc[]\n");
        assertTrue(prepare("include::_twee.adoc[]\n\ninclude::_twee.adoc[]\n").isPresent(), problems.list().toString());
    }
}
