package nl.noordoostpolder.ivb.validate;

import java.util.Comparator;
import java.util.Objects;

/**
 * One thing wrong with the sources, printed for an editor as {@code path:line: error: message}.
 * <p>
 * The path is relative to the source folder (for example {@code content/trends/x.adoc}) so that the line can be
 * pasted into an editor; the line is 1-based, or 0 when the problem belongs to the whole file.
 */
public record Problem(String path, int line, String message) implements Comparable<Problem> {

    private static final Comparator<Problem> ORDER = Comparator.comparing(Problem::path)
            .thenComparingInt(Problem::line)
            .thenComparing(Problem::message);

    public Problem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
        if (line < 0) {
            throw new IllegalArgumentException("line must be 0 (whole file) or positive, was " + line);
        }
    }

    /** A problem of the whole file, with no line to point at. */
    public static Problem ofFile(String path, String message) {
        return new Problem(path, 0, message);
    }

    /**
     * A problem of a whole source file, pointed at its first line, so that editors and tools that expect
     * {@code file:line:} can jump to the file.
     */
    public static Problem atStart(String path, String message) {
        return new Problem(path, 1, message);
    }

    /** One line, whatever the path or message hold: control characters (a newline in a file name) become '?'. */
    @Override
    public String toString() {
        String where = oneLine(path);
        return (line > 0 ? where + ":" + line : where) + ": error: " + oneLine(message);
    }

    private static String oneLine(String text) {
        return text.replace('\t', ' ').replaceAll("\\p{Cntrl}", "?");
    }

    @Override
    public int compareTo(Problem other) {
        return ORDER.compare(this, other);
    }
}
