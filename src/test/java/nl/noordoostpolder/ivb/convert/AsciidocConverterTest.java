package nl.noordoostpolder.ivb.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.noordoostpolder.ivb.content.Document;
import nl.noordoostpolder.ivb.source.SourceReader;
import nl.noordoostpolder.ivb.validate.DocumentReader;
import nl.noordoostpolder.ivb.validate.Problems;
import org.junit.jupiter.api.extension.ExtendWith;
import nl.noordoostpolder.ivb.testing.InEnglish;

/** Converts real pages with Asciidoctor in SAFE mode: what reaches the HTML, and what is refused with its line. */
@ExtendWith(InEnglish.class) // these tests assert the English text of the messages
class AsciidocConverterTest {

    private static final String HEADER = "= Test\n:jbake-type: page\n:jbake-status: published\n:jbake-date: 2024-01-15\n"
            + ":jbake-summary: Een zin.\n\n";

    @TempDir
    static Path root;
    private static Path content;
    private static AsciidocConverter converter;

    @BeforeAll
    static void start() throws IOException {
        content = Files.createDirectories(root.resolve("content"));
        Files.createDirectories(content.resolve("_gedeeld"));
        Files.writeString(content.resolve("_gedeeld/zin.adoc"), "Gedeelde zin.\n");
        Files.writeString(root.resolve("geheim.txt"), "GEHEIM buiten content\n");
        converter = new AsciidocConverter(content);
    }

    @AfterAll
    static void stop() {
        converter.close();
    }

    private Document convert(String name, String body, Problems problems) throws IOException {
        Path file = content.resolve(name);
        Files.writeString(file, HEADER + body, StandardCharsets.UTF_8);
        Document doc = DocumentReader.read(SourceReader.read(file, "content/" + name), problems).orElseThrow();
        converter.convert(doc, problems);
        return doc;
    }

    private List<String> errors(Problems problems) {
        return problems.list().stream().map(Object::toString).toList();
    }

    @Test
    void convertsInDutchWithSectionsAndSharedText() throws IOException {
        Problems problems = new Problems();
        Document doc = convert("a.adoc", "== Eerste kop\n\ninclude::_gedeeld/zin.adoc[]\n\nNOTE: Let hierop.\n", problems);
        assertTrue(problems.isEmpty(), errors(problems).toString());
        assertTrue(doc.getBody().contains("Gedeelde zin."), doc.getBody());
        assertTrue(doc.getBody().contains("Let op"), "Dutch labels: " + doc.getBody());
        assertEquals("eerste-kop", doc.getSections().get(0).id());
    }

    @Test
    void etcPasswdNeverReachesTheBody() throws IOException {
        for (String target : List.of("/etc/passwd", "../../../../etc/passwd", "../geheim.txt")) {
            Problems problems = new Problems();
            Document doc = convert("p.adoc", "Tekst.\n\ninclude::" + target + "[]\n", problems);
            assertEquals(1, problems.size(), errors(problems).toString());
            assertTrue(errors(problems).get(0).startsWith("content/p.adoc:9: error: include of '" + target
                    + "' refused"), errors(problems).toString());
            assertFalse(doc.getBody().contains("root:") || doc.getBody().contains("GEHEIM"), doc.getBody());
        }
    }

    @Test
    void safeModeStillJailsWhatTheGuardCannotSee() throws IOException {
        // an include inside shared text, which the guard of the page does not read: SAFE mode keeps it in content/
        Files.writeString(content.resolve("_gedeeld/kwaad.adoc"), "include::../../geheim.txt[]\n");
        Problems problems = new Problems();
        Document doc = convert("k.adoc", "include::_gedeeld/kwaad.adoc[]\n", problems);
        assertFalse(problems.isEmpty());
        assertFalse(doc.getBody().contains("GEHEIM"), doc.getBody());
        assertTrue(errors(problems).stream().anyMatch(e -> e.startsWith("content/_gedeeld/kwaad.adoc:1: error: ")),
                errors(problems).toString());
    }

    @Test
    void asciidoctorWarningsBecomeProblemsWithTheLine() throws IOException {
        Problems problems = new Problems();
        convert("w.adoc", "Tekst met {onbekend}.\n\n----\nopen\n", problems);
        List<String> errors = errors(problems);
        assertEquals(2, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("content/w.adoc:7: error: the attribute {onbekend} is not defined"));
        assertTrue(errors.get(1).startsWith("content/w.adoc:9: error: Asciidoctor: unterminated listing block."));
    }

    @Test
    void tooDeepNestingIsAProblemNotACrash() throws IOException {
        Problems problems = new Problems();
        StringBuilder deep = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            deep.append("=".repeat(4 + i)).append('\n');
        }
        convert("d.adoc", deep.toString(), problems);
        assertEquals(1, problems.size(), errors(problems).toString());
        assertTrue(errors(problems).get(0).contains("blocks are nested 21 deep here"));
    }
}
