package nl.noordoostpolder.ivb.source;

import java.nio.file.Path;
import java.util.List;

/**
 * The text of one content file, read once: decoded as strict UTF-8, without a byte order mark, with Windows and old
 * Mac line endings turned into {@code \n}.
 *
 * @param file the file on disk
 * @param path the path relative to the source folder, with forward slashes, as printed in error messages
 * @param text the whole text
 * @param lines the text split into lines; line {@code n} of the file is {@code lines.get(n - 1)}
 */
public record SourceFile(Path file, String path, String text, List<String> lines) {

    public static SourceFile of(Path file, String path, String text) {
        return new SourceFile(file, path, text, List.of(text.split("\n", -1)));
    }

    /** The first line (1-based) that contains {@code needle}, or 0 when none does. */
    public int lineOf(String needle) {
        return lineOf(needle, 1);
    }

    /** The first line from {@code fromLine} on that contains {@code needle}, or 0 when none does. */
    public int lineOf(String needle, int fromLine) {
        for (int i = Math.max(0, fromLine - 1); i < lines.size(); i++) {
            if (lines.get(i).contains(needle)) {
                return i + 1;
            }
        }
        return 0;
    }
}
