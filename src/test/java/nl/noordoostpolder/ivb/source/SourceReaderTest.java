package nl.noordoostpolder.ivb.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.noordoostpolder.ivb.validate.ContentException;
import nl.noordoostpolder.ivb.validate.Problem;
import org.junit.jupiter.api.extension.ExtendWith;
import nl.noordoostpolder.ivb.testing.InEnglish;

@ExtendWith(InEnglish.class) // these tests assert the English text of the messages
class SourceReaderTest {

    @TempDir
    Path dir;

    private Problem refusal(byte[] bytes) throws IOException {
        Path file = dir.resolve("x.adoc");
        Files.write(file, bytes);
        ContentException e = assertThrows(ContentException.class, () -> SourceReader.read(file, "content/x.adoc"));
        assertEquals(1, e.problems().size());
        return e.problems().get(0);
    }

    @Test
    void byteOrderMarkAndWindowsAndOldMacLineEndingsAreAccepted() throws IOException {
        Path file = dir.resolve("x.adoc");
        Files.write(file, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '=', ' ', 'T', '\r', '\n', 'a', '\r', 'b', '\n'});
        SourceFile source = SourceReader.read(file, "content/x.adoc");
        assertEquals("= T\na\nb\n", source.text());
        assertEquals(List.of("= T", "a", "b", ""), source.lines());
    }

    @Test
    void invalidUtf8IsReportedAtTheLineOfTheFirstBadByte() throws IOException {
        Problem p = refusal("= T\n\nCaf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(3, p.line());
        assertTrue(p.message().startsWith("the file is not valid UTF-8 text."), p.message());
    }

    @Test
    void anOverlongEncodingIsInvalid() throws IOException {
        assertEquals(2, refusal(new byte[] {'a', '\n', (byte) 0xC0, (byte) 0xAF}).line());
    }

    @Test
    void aBinaryFileIsRecognisedByItsNulByte() throws IOException {
        Problem p = refusal(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\n', 0, 1});
        assertEquals(2, p.line());
        assertTrue(p.message().contains("NUL byte"), p.message());
    }

    @Test
    void utf16IsNamedAsSuch() throws IOException {
        Problem p = refusal(new byte[] {(byte) 0xFF, (byte) 0xFE, '=', 0, ' ', 0});
        assertEquals(1, p.line());
        assertTrue(p.message().startsWith("the file is saved as UTF-16"), p.message());
    }

    @Test
    void aTooLargeFileIsRefusedWithoutReadingIt() throws IOException {
        Path file = dir.resolve("groot.adoc");
        try (var channel = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE)) {
            channel.write(java.nio.ByteBuffer.wrap(new byte[] {'x'}), SourceReader.MAX_BYTES); // sparse
        }
        ContentException e = assertThrows(ContentException.class, () -> SourceReader.read(file, "content/groot.adoc"));
        assertEquals("content/groot.adoc:1: error: the file is 8.0 MB; a page may be at most 8 MB. Split it into "
                + "smaller pages.", e.problems().get(0).toString());
    }

    @Test
    void aFolderOrAPipeIsRefusedInsteadOfReadOrWaitedFor() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("map.adoc"));
        ContentException e = assertThrows(ContentException.class, () -> SourceReader.read(folder, "content/map.adoc"));
        assertTrue(e.problems().get(0).message().startsWith("this is a folder"));
        Path fifo = dir.resolve("pijp.adoc");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        if (mkfifo.waitFor() == 0) {
            e = assertThrows(ContentException.class, () -> SourceReader.read(fifo, "content/pijp.adoc"));
            assertTrue(e.problems().get(0).message().startsWith("this is not an ordinary file"));
        }
    }
}
