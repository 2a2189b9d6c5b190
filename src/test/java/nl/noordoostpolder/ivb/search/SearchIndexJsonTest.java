package nl.noordoostpolder.ivb.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

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
}
