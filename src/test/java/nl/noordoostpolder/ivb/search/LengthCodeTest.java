package nl.noordoostpolder.ivb.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LengthCodeTest {

    private static String code(int... lengths) {
        StringBuilder out = new StringBuilder();
        for (int length : lengths) {
            LengthCode.append(out, length);
        }
        return out.toString();
    }

    @Test
    void aLengthBelowNinetyIsOneCharacterFromHashToTildeWithoutBackslash() {
        assertEquals(91, LengthCode.DIGITS.length());
        assertEquals("#", code(0));
        assertEquals("[", code(56));
        assertEquals("]", code(57), "the backslash is skipped, so JSON needs no escape");
        assertEquals("}", code(89));
        assertFalse(LengthCode.DIGITS.contains("\\") || LengthCode.DIGITS.contains("\""));
    }

    @Test
    void eachTildeAddsNinety() {
        assertEquals("~#", code(90));
        assertEquals("~(", code(95));
        assertEquals("~~%", code(182));
        assertEquals("#~#$", code(0, 90, 1), "lengths follow each other without separator");
    }

    @Test
    void aNegativeLengthIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> code(-1));
    }
}
