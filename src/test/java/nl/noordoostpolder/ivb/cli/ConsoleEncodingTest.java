package nl.noordoostpolder.ivb.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ConsoleEncodingTest {

    @Test
    void theAsciiOfACOrPosixLocaleIsRecognisedUnderEachOfItsNames() {
        assertTrue(ConsoleEncoding.isAscii("ANSI_X3.4-1968"));
        assertTrue(ConsoleEncoding.isAscii("US-ASCII"));
        assertTrue(ConsoleEncoding.isAscii("ascii"));
    }

    @Test
    void encodingsThatCanShowDutchTextAreKept() {
        assertFalse(ConsoleEncoding.isAscii("UTF-8"));
        assertFalse(ConsoleEncoding.isAscii("windows-1252"));
        assertFalse(ConsoleEncoding.isAscii("Cp850"));
        assertFalse(ConsoleEncoding.isAscii("no-such-encoding"));
    }
}
