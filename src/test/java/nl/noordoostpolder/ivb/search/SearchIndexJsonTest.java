package nl.noordoostpolder.ivb.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import nl.noordoostpolder.ivb.content.GeneratedPage;

class SearchIndexJsonTest {

    private static String string(String s) {
        return SearchIndexJson.string(new StringBuilder(), s).toString();
    }

    @Test
    void quotesBackslashesAndControlCharactersAreEscaped() {
        assertEquals("\"a \\\"b\\\" c\\\\d\\ne\\tf\\u0001\"", string("a \"b\" c\\d\ne\tf\u0001"));
    }

    @Test
    void markupCharactersAreEscapedSoTheFileCanNeverBeReadAsHtml() {
        assertEquals("\"\\u003cimg src=x onerror=alert(1)\\u003e & co\"", string("<img src=x onerror=alert(1)> & co"));
    }

    @Test
    void lineAndParagraphSeparatorsAreEscapedAndOtherUnicodeIsKept() {
        assertEquals("\"één\\u2028twee\\u2029 complottheorieën\"", string("één\u2028twee\u2029 complottheorieën"));
    }

    @Test
    void theIndexIsWrittenInTheShapeTheSearchScriptReads() {
        SearchIndex index = new SearchIndex.Builder()
                .add(GeneratedPage.TIMELINE, PageFacets.of(GeneratedPage.TIMELINE),
                        List.of(new IndexedSection("", "", "Alle stappen."), new IndexedSection("a", "Kop \"A\"", "Tekst.")))
                .build();
        assertEquals("""
                {"v":1,
                "kinds":[["overview","Overzicht","Overzichten"]],
                "themes":[],
                "pages":[
                ["tijdlijn.html","Tijdlijn",0,[]]],
                "sections":[
                [0,"","","Alle stappen."],
                [0,"a","Kop \\"A\\"","Tekst."]]}
                """, SearchIndexJson.write(index));
    }
}
