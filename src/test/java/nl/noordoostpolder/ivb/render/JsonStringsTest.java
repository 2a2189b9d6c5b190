package nl.noordoostpolder.ivb.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class JsonStringsTest {

    private static String quote(String s) {
        return JsonStrings.quote(new StringBuilder(), s).toString();
    }

    @Test
    void plainTextStandsForItselfBetweenQuotes() {
        assertEquals("\"\"", quote(""));
        assertEquals("\"Café 'De Hoek' – 2024\"", quote("Café 'De Hoek' – 2024"));
    }

    @Test
    void quotesBackslashesAndLineBreaksAreEscapedWhereverTheyStand() {
        assertEquals("\"\\\"a\\\\b\\nc\\r\\td\\\"\"", quote("\"a\\b\nc\r\td\""));
    }

    @Test
    void markupAndJavaScriptLineSeparatorsCannotBreakOut() {
        assertEquals("\"\\u003c/script\\u003e\\u2028\\u2029\"", quote("</script>\u2028\u2029"));
    }

    @Test
    void otherControlCharactersAreWrittenAsUnicodeEscapes() {
        assertEquals("\"\\u0000x\\u001f\"", quote("\u0000x\u001f"));
    }

    @Test
    void appendsToWhatIsAlreadyThere() {
        assertEquals("[\"a<\"]".replace("<", "\\u003c"), JsonStrings.quote(new StringBuilder("["), "a<").append(']').toString());
    }
}
