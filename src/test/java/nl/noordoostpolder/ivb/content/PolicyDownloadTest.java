package nl.noordoostpolder.ivb.content;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The download link says type and size the Dutch way, as the NL Design System advises. */
class PolicyDownloadTest {

    @Test
    void theSizeIsInWholeKilobytesBelowAMegabyteAndInMegabytesWithACommaAbove() {
        assertEquals("PDF, 266 kB", PolicyDownload.ofSize(266_075).getLabel());
        assertEquals("PDF, 1 kB", PolicyDownload.ofSize(12).getLabel());
        assertEquals("PDF, 8,5 MB", PolicyDownload.ofSize(8_529_446).getLabel());
    }

    @Test
    void withoutAKnownSizeItSaysOnlyTheType() {
        assertEquals("PDF", PolicyDownload.withoutSize().getLabel());
    }
}
