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

    @Override
    public String toString() {
        return line > 0 ? path + ":" + line + ": error: " + message : path + ": error: " + message;
    }

    @Override
    public int compareTo(Problem other) {
        return ORDER.compare(this, other);
    }
}
