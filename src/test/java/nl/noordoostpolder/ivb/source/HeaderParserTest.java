package nl.noordoostpolder.ivb.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import nl.noordoostpolder.ivb.validate.Problems;
import org.junit.jupiter.api.extension.ExtendWith;
import nl.noordoostpolder.ivb.testing.InEnglish;

@ExtendWith(InEnglish.class) // these tests assert the English text of the messages
class HeaderParserTest {

    private final Problems problems = new Problems();

    private Header parse(String text) {
        return HeaderParser.parse(SourceFile.of(Path.of("x.adoc"), "content/x.adoc", text), problems);
    }

    private List<String> errors() {
        return problems.list().stream().map(Object::toString).toList();
    }

    @Test
    void readsTitleAttributesWithTheirLinesAndTheFirstBodyLine() {
        Header h = parse("= Cybercrime\n:jbake-type: theme\n// a comment\n:jbake-order:   1  \n:toc:\n\n== Kop\n");
        assertEquals("Cybercrime", h.title());
        assertEquals(1, h.titleLine());
        assertEquals("theme", h.value("type"));
        assertEquals("1", h.value("order"));
        assertEquals(4, h.lineOf("order"));
        assertEquals(1, h.lineOf("missing"), "a missing attribute points at the title");
        assertEquals(6, h.bodyLine(), "the blank line that ends the header");
        assertTrue(h.attributes().keySet().stream().noneMatch(k -> k.contains("toc")), "plain AsciiDoc attributes are "
                + "Asciidoctor's business");
        assertTrue(problems.isEmpty(), errors().toString());
    }

    @Test
    void leadingBlankLinesAndCommentsBeforeTheTitleAreSkipped() {
        Header h = parse("\n// opmerking\n\n= Titel\n:jbake-type: page\n");
        assertEquals("Titel", h.title());
        assertEquals(4, h.titleLine());
        assertEquals(5, h.lineOf("type"));
    }

    @Test
    void anEmptyFileIsReportedOnLineOne() {
        parse("\n\n   \n");
        assertEquals(List.of("content/x.adoc:1: error: the file is empty. A page starts with a title line such as "
                + "'= Titel van de pagina'."), errors());
    }

    @Test
    void aMissingTitleIsReportedWhereTheTitleShouldBe() {
        Header h = parse(":jbake-type: page\n\nTekst.\n");
        assertEquals(0, h.titleLine());
        assertTrue(errors().get(0).startsWith("content/x.adoc:1: error: the page has no title."), errors().toString());
    }

    @Test
    void anEmptyTitleIsReported() {
        parse("= \n:jbake-type: page\n");
        assertEquals(List.of("content/x.adoc:1: error: the title is empty. Write the title after '= ', for example "
                + "'= Cybercrime'."), errors());
    }

    @Test
    void anAttributeWithoutItsClosingColonIsReportedWithItsLine() {
        parse("= T\n:jbake-type page\n");
        assertEquals(1, problems.size());
        assertTrue(errors().get(0).startsWith("content/x.adoc:2: error: this header line is not a valid attribute."));
    }

    @Test
    void textInTheHeaderIsReported() {
        parse("= T\n:jbake-type: page\nTekst zonder lege regel.\n");
        assertTrue(errors().get(0).startsWith("content/x.adoc:3: error: unexpected text in the page header."));
    }

    @Test
    void anAttributeTwiceIsReportedAtTheSecond() {
        Header h = parse("= T\n:jbake-order: 1\n:jbake-order: 2\n");
        assertEquals("1", h.value("order"));
        assertTrue(errors().get(0).startsWith("content/x.adoc:3: error: ':jbake-order:' is set twice (also on line 2)."));
    }

    @Test
    void aJbakeAttributeAfterTheHeaderIsReportedButNotInsideAListingBlock() {
        parse("= T\n:jbake-type: page\n\n:jbake-status: published\n\n----\n:jbake-status: voorbeeld\n----\n");
        assertEquals(1, problems.size(), errors().toString());
        assertTrue(errors().get(0).startsWith("content/x.adoc:4: error: ':jbake-status:' stands after the blank line"));
    }
}
