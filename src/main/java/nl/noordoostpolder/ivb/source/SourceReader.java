package nl.noordoostpolder.ivb.source;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;

import nl.noordoostpolder.ivb.validate.ContentException;
import nl.noordoostpolder.ivb.validate.Problem;

/**
 * Reads content files for editors who paste from Word and e-mail: refuses what is not text, with the line of the
 * first bad byte, and quietly accepts a byte order mark and Windows line endings.
 */
public final class SourceReader {

    /** Pages larger than this are refused: no policy page is this long, and a mistake of this size stalls the bake. */
    public static final long MAX_BYTES = 8L * 1024 * 1024;

    private SourceReader() {
    }

    /**
     * Reads a file.
     *
     * @throws ContentException with one problem if the file cannot be read or is not UTF-8 text
     */
    public static SourceFile read(Path file, String path) {
        byte[] bytes;
        try {
            if (!Files.isRegularFile(file)) {
                throw new ContentException(Problem.atStart(path, Files.isDirectory(file)
                        ? "this is a folder, not a file. Rename or remove it."
                        : "this is not an ordinary file (it is a pipe, a device or a socket), so it cannot be read. "
                        + "Remove it."));
            }
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new ContentException(Problem.atStart(path, String.format(
                        "the file is %.1f MB; a page may be at most %d MB. Split it into smaller pages.",
                        size / 1024.0 / 1024.0, MAX_BYTES / 1024 / 1024)));
            }
            bytes = Files.readAllBytes(file);
        } catch (AccessDeniedException e) {
            throw new ContentException(Problem.atStart(path,
                    "the file cannot be read (permission denied). Give the file read permission."));
        } catch (IOException e) {
            throw new ContentException(Problem.atStart(path, "the file cannot be read: " + e.getMessage()));
        }
        return SourceFile.of(file, path, decode(bytes, path));
    }

    static String decode(byte[] bytes, String path) {
        if (bytes.length >= 2 && ((bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE
                || (bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF)) {
            throw new ContentException(new Problem(path, 1, "the file is saved as UTF-16 (sometimes called "
                    + "'Unicode'). Save it as UTF-8 in your editor (often: 'Opslaan als', 'UTF-8')."));
        }
        int offset = hasBom(bytes) ? 3 : 0;
        for (int i = offset; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw new ContentException(new Problem(path, lineAt(bytes, i),
                        "the file is not text (it contains a NUL byte). Is it a binary file with an .adoc name?"));
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            String text = decoder.decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset)).toString();
            return text.replace("\r\n", "\n").replace('\r', '\n');
        } catch (CharacterCodingException e) {
            int bad = firstInvalidByte(bytes, offset);
            throw new ContentException(new Problem(path, lineAt(bytes, bad),
                    "the file is not valid UTF-8 text. Save it as UTF-8 in your editor (often: 'Opslaan als', 'UTF-8')."));
        }
    }

    private static boolean hasBom(byte[] bytes) {
        return bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF;
    }

    private static int lineAt(byte[] bytes, int index) {
        int line = 1;
        for (int i = 0; i < index && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    private static int firstInvalidByte(byte[] bytes, int offset) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
        decoder.decode(in, out, true);
        return in.position();
    }
}
