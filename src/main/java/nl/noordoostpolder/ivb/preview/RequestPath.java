package nl.noordoostpolder.ivb.preview;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Maps the path of a request to a file inside the served folder, and refuses every path that could reach outside
 * it: {@code ..} and {@code .} segments (also percent-encoded, {@code %2e%2e}), encoded slashes and backslashes
 * ({@code %2f}, {@code %5c}), NUL bytes, empty segments ({@code //etc/passwd}), request targets that are not a
 * path, and symbolic links that lead out of the folder. Hidden files (names starting with a dot) are not served.
 * <p>
 * Each segment is decoded on its own, after splitting on {@code /}, so that an encoded slash can never create a new
 * segment; the decoded name is then resolved one segment at a time and the result checked once more against the
 * folder, also after following links.
 */
final class RequestPath {

    /** What a request path leads to. */
    sealed interface Result permits Found, Redirect, NotFound, BadRequest {
    }

    /** A regular file inside the folder. */
    record Found(Path file) implements Result {
    }

    /** A folder named without its closing slash: relative links only work after a redirect to {@code location}. */
    record Redirect(String location) implements Result {
    }

    record NotFound() implements Result {
    }

    /** A path that tries to leave the folder or cannot be decoded. */
    record BadRequest(String reason) implements Result {
    }

    private RequestPath() {
    }

    /**
     * @param root    the served folder (absolute, normalized)
     * @param rawPath the raw (still percent-encoded) path of the request, for example {@code /trends/x.html}
     */
    static Result resolve(Path root, String rawPath) {
        if (rawPath == null || !rawPath.startsWith("/")) {
            return new BadRequest("the request target is not a path starting with /");
        }
        String[] segments = rawPath.substring(1).split("/", -1);
        Path file = root;
        boolean folderRequest = rawPath.endsWith("/");
        for (int i = 0; i < segments.length; i++) {
            String raw = segments[i];
            boolean last = i == segments.length - 1;
            if (raw.isEmpty()) {
                if (last) {
                    break; // the trailing slash of a folder, or the root itself
                }
                return new BadRequest("empty path segment");
            }
            String name;
            try {
                name = decode(raw);
            } catch (IllegalArgumentException e) {
                return new BadRequest(e.getMessage());
            }
            if (name.equals(".") || name.equals("..")) {
                return new BadRequest("dot segment");
            }
            if (name.indexOf('/') >= 0 || name.indexOf('\\') >= 0 || name.indexOf('\0') >= 0 || name.indexOf(':') >= 0) {
                return new BadRequest("forbidden character in a path segment");
            }
            if (name.startsWith(".")) {
                return new NotFound();
            }
            file = file.resolve(name);
        }
        file = file.normalize();
        if (!file.startsWith(root)) {
            return new BadRequest("outside the served folder");
        }
        if (Files.isDirectory(file)) {
            if (!folderRequest && !file.equals(root)) {
                return new Redirect(rawPath + "/");
            }
            file = file.resolve("index.html");
        }
        if (!Files.isRegularFile(file) || !insideAfterLinks(root, file)) {
            return new NotFound();
        }
        return new Found(file);
    }

    private static boolean insideAfterLinks(Path root, Path file) {
        try {
            return file.toRealPath().startsWith(root.toRealPath());
        } catch (IOException e) {
            return false;
        }
    }

    /** Strict percent-decoding of one path segment as UTF-8; {@code +} stays a plus sign. */
    static String decode(String segment) {
        if (segment.indexOf('%') < 0) {
            return segment;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(segment.length());
        int i = 0;
        while (i < segment.length()) {
            int percent = segment.indexOf('%', i);
            int end = percent < 0 ? segment.length() : percent;
            byte[] plain = segment.substring(i, end).getBytes(StandardCharsets.UTF_8);
            bytes.write(plain, 0, plain.length);
            if (percent < 0) {
                break;
            }
            if (percent + 2 >= segment.length()) {
                throw new IllegalArgumentException("incomplete percent escape");
            }
            int hi = Character.digit(segment.charAt(percent + 1), 16);
            int lo = Character.digit(segment.charAt(percent + 2), 16);
            if (hi < 0 || lo < 0) {
                throw new IllegalArgumentException("invalid percent escape");
            }
            bytes.write(hi * 16 + lo);
            i = percent + 3;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("not UTF-8");
        }
    }
}
