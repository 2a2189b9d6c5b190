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
import nl.noordoostpolder.ivb.i18n.Messages;

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
                        ? Messages.get("file.folder")
                        : Messages.get("file.special")));
            }
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new ContentException(Problem.atStart(path, Messages.get("file.too-big",
                        Messages.number(size / 1024.0 / 1024.0, 1), MAX_BYTES / 1024 / 1024)));
            }
            bytes = Files.readAllBytes(file);
        } catch (AccessDeniedException e) {
            throw new ContentException(Problem.atStart(path,
                    Messages.get("file.denied")));
        } catch (IOException e) {
            throw new ContentException(Problem.atStart(path, Messages.get("file.unreadable", e.getMessage())));
        }
        return SourceFile.of(file, path, decode(bytes, path));
    }

    static String decode(byte[] bytes, String path) {
        if (bytes.length >= 2 && ((bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE
                || (bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF)) {
            throw new ContentException(new Problem(path, 1, Messages.get("file.utf16")));
        }
        int offset = hasBom(bytes) ? 3 : 0;
        for (int i = offset; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw new ContentException(new Problem(path, lineAt(bytes, i),
                        Messages.get("file.binary")));
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
                    Messages.get("file.not-utf8")));
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
