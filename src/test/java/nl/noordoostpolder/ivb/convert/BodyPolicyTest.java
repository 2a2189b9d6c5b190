package nl.noordoostpolder.ivb.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import nl.noordoostpolder.ivb.source.SourceFile;
import nl.noordoostpolder.ivb.validate.Problems;
import org.junit.jupiter.api.extension.ExtendWith;
import nl.noordoostpolder.ivb.testing.InEnglish;

@ExtendWith(InEnglish.class) // these tests assert the English text of the messages
class BodyPolicyTest {

    private final Problems problems = new Problems();

    private String check(String html, String source) {
        return BodyPolicy.check(html, SourceFile.of(Path.of("x.adoc"), "content/x.adoc", source), problems);
    }

    private List<String> messages() {
        return problems.list().stream().map(p -> p.line() + " " + p.message()).toList();
    }

    @Test
    void whatAsciidoctorWritesPasses() {
        String html = "<div class=\"sect1\"><h2 id=\"kop\">Kop</h2><div class=\"sectionbody\"><div class=\"paragraph\">"
                + "<p>Zie <a href=\"../themes/x.html#a\">x</a>, <a href=\"https://example.org\" target=\"_blank\" "
                + "rel=\"noopener\">site</a> en <a href=\"mailto:a@b.nl\">mail</a>.</p></div>"
                + "<table class=\"tableblock\"><colgroup><col style=\"width: 50%;\"></colgroup><tbody><tr>"
                + "<td class=\"tableblock\">a</td></tr></tbody></table>"
                + "<div class=\"imageblock\"><div class=\"content\"><img src=\"foto.png\" alt=\"Foto\"></div></div>"
                + "</div></div>";
        String checked = check(html, "= T\n");
        assertTrue(problems.isEmpty(), messages().toString());
        assertFalse(checked.contains("style="), "column widths are dropped: the CSP forbids inline styles");
    }

    @Test
    void aScriptIsReportedAtItsSourceLine() {
        check("<script>alert(1)</script>", "= T\n\n++++\n<SCRIPT>alert(1)</SCRIPT>\n++++\n");
        assertEquals(List.of("4 the HTML element <script> is not allowed in a page. Remove the raw HTML (++++ block or "
                + "pass:[...]) and write the text in AsciiDoc."), messages());
    }

    @Test
    void aPageBreakIsNamedAsSuchAtItsLine() {
        check("<div class=\"paragraph\"><p>Een.</p></div>\n<div style=\"page-break-after: always;\"></div>",
                "= T\n\nEen.\n\n<<<\n\nTwee.\n");
        assertEquals(List.of("5 a page break (<<<) does nothing on a web page, which has no pages to break. Remove the "
                + "line with <<<."), messages());
    }

    @ParameterizedTest
    @ValueSource(strings = {"<img src=x onerror=alert(1)>", "<a href=\"#\" onclick=\"x()\">a</a>",
            "<p onmouseover=\"x()\">p</p>", "<div ONLOAD=\"x()\"></div>"})
    void everyEventHandlerIsRefused(String html) {
        check(html, "= T\n\npass:[" + html + "]\n");
        assertTrue(messages().stream().anyMatch(m -> m.startsWith("3 the event handler 'on")), messages().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "JavaScript:alert(1)", "java\tscript:alert(1)", " javascript:x",
            "data:text/html;base64,PHNjcmlwdD4=", "vbscript:msgbox", "file:///etc/passwd"})
    void linksWithAnActiveOrLocalSchemeAreRefused(String href) {
        check("<a href=\"" + href.replace("\t", "&#x09;") + "\">x</a>", "= T\n\nlink:" + href + "[x]\n");
        assertEquals(1, problems.size(), href);
        assertTrue(problems.list().get(0).message().startsWith("the link '"), problems.list().get(0).message());
        assertFalse(problems.list().get(0).toString().contains("\t"), "the message stays on one line");
    }

    @ParameterizedTest
    @ValueSource(strings = {"<iframe src=\"https://x\"></iframe>", "<object data=\"x\"></object>", "<embed src=\"x\">",
            "<style>p{}</style>", "<form action=\"x\"></form>", "<meta http-equiv=\"refresh\">", "<base href=\"x\">",
            "<svg></svg>", "<link rel=\"stylesheet\" href=\"x\">"})
    void elementsOffTheListAreRefused(String html) {
        check(html, "= T\n");
        assertFalse(problems.isEmpty(), html);
        assertTrue(problems.list().get(0).message().startsWith("the HTML element <"), messages().toString());
    }

    @Test
    void imagesFromAnotherSiteAreRefused() {
        check("<img src=\"https://tracker.example/p.png\"><img src=\"//tracker.example/p.png\">", "= T\n");
        assertEquals(2, problems.size());
    }

    @Test
    void aVideoMacroIsFoundInTheSource() {
        check("<div class=\"videoblock\"><iframe src=\"https://www.youtube.com/embed/x\"></iframe></div>",
                "= T\n\nTekst.\n\nvideo::x[youtube]\n");
        assertEquals(5, problems.list().get(0).line());
    }
}
